import { spawn } from "node:child_process";
import { ensureAuthSecret, openDevDatabase } from "./dev-database";

/** Runs `next <command>` on a migrated, seeded database and stops the embedded cluster when Next exits. */
export async function runNext(command: "dev" | "start", extraArgs: string[]) {
  const started = Date.now();
  const database = await openDevDatabase({ seedIfEmpty: true });
  await database.db.$client.end();
  console.log(`database ready in ${Date.now() - started} ms`);
  const child = spawn("npx", ["next", command, ...extraArgs], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: database.url, NEXTAUTH_SECRET: ensureAuthSecret() },
  });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    child.kill("SIGTERM");
    await database.close().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(130));
  process.on("SIGTERM", () => void stop(143));
  child.on("exit", (code) => void stop(code ?? 0));
}
