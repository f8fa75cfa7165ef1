// `npm run test:e2e [-- <playwright args>]`: Playwright against the production build, on a fresh embedded database.
import { rmSync } from "node:fs";
import { assertPortFree, buildIsCurrent, buildNext, run, startGroup, stopProcessGroup, waitForServer } from "../e2e/support/server-process";

const PORT = 3107;
const BASE_URL = `http://localhost:${PORT}`;
const PG_DIR = ".data/pg-e2e";
const distDir = process.env.NEXT_DIST_DIR || ".next";

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_DIST_DIR: distDir,
  EMBEDDED_PG_DIR: PG_DIR,
  EMBEDDED_PG_PORT: "54407",
  NEXTAUTH_URL: BASE_URL,
  E2E_BASE_URL: BASE_URL,
};
// Always the embedded cluster, created afresh, so no run depends on what an earlier one left behind.
delete env.DATABASE_URL;

if (buildIsCurrent(distDir)) console.log(`${distDir} is newer than every source file: reusing it`);
else await buildNext(distDir, env);

await assertPortFree(PORT);
rmSync(PG_DIR, { recursive: true, force: true });

const server = startGroup(process.execPath, ["--import", "tsx", "scripts/start.ts", "-p", String(PORT)], { env });
const stop = async (code: number) => {
  await stopProcessGroup(server);
  process.exit(code);
};
process.on("SIGINT", () => void stop(130));
process.on("SIGTERM", () => void stop(143));

let exitCode = 1;
try {
  await waitForServer(BASE_URL, server, 180_000);
  exitCode = await run("node_modules/.bin/playwright", ["test", ...process.argv.slice(2)], { env });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
}
await stop(exitCode);
