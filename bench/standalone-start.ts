import { existsSync } from "node:fs";
import path from "node:path";
import { startGroup, stopProcessGroup } from "../e2e/support/server-process";

/**
 * How long `node server.js` from `<distDir>/standalone` (what the image runs) takes from spawn to a 200 from /api/ready
 * (database reachable, migrations current), polled every 10 ms; null when the build has no standalone output.
 */
export async function standaloneStartMs(distDir: string, port: number, env: NodeJS.ProcessEnv): Promise<number | null> {
  const folder = path.join(distDir, "standalone");
  if (!existsSync(path.join(folder, "server.js"))) return null;
  const started = performance.now();
  const server = startGroup(process.execPath, ["server.js"], { cwd: folder, env: { ...env, NODE_ENV: "production", PORT: String(port), HOSTNAME: "127.0.0.1" }, stdio: "ignore" });
  try {
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the standalone server exited with code ${server.exitCode}`);
      const ready = await fetch(`http://127.0.0.1:${port}/api/ready`).then((r) => r.status === 200, () => false);
      if (ready) return Math.round(performance.now() - started);
      if (performance.now() - started > 60_000) throw new Error("the standalone server was not ready within 60 s");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    await stopProcessGroup(server);
  }
}
