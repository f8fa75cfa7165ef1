import type { ChildProcess } from "node:child_process";
import { buildIsCurrent, buildNext, startGroup } from "../e2e/support/server-process";
import { serverEnvironment } from "../scripts/server-environment";

/** The benches' production build, shared by the catalogue and search benches. */
export const DIST_DIR = ".next-bench";

/** The server's environment on `port` against the bench database, after building unless the build is newer than every source file. */
export async function buildBenchServer(port: number, databaseUrl: string): Promise<NodeJS.ProcessEnv> {
  const env = { ...serverEnvironment(process.env, { production: false }), NEXT_DIST_DIR: DIST_DIR, DATABASE_URL: databaseUrl, NEXTAUTH_URL: `http://127.0.0.1:${port}` };
  if (buildIsCurrent(DIST_DIR)) console.log(`${DIST_DIR} is newer than every source file: reusing it`);
  else await buildNext(DIST_DIR, env);
  return env;
}

/** `next start` in its own process group (stop it with stopProcessGroup). */
export const startBenchServer = (port: number, env: NodeJS.ProcessEnv): ChildProcess =>
  startGroup("node_modules/.bin/next", ["start", "-p", String(port), "-H", "127.0.0.1"], { env });
