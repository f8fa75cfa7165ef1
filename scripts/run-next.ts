import { spawn } from "node:child_process";
import { once } from "node:events";
import { ensureAuthSecret, openDevDatabase } from "./dev-database";

/** Runs `next <command>` on a migrated, seeded database and stops the embedded cluster once Next has exited. */
export async function runNext(command: "dev" | "start", extraArgs: string[]) {
  const started = Date.now();
  const database = await openDevDatabase({ seedIfEmpty: true });
  await database.db.$client.end();
  console.log(`database ready in ${Date.now() - started} ms`);
  const child = spawn("node_modules/.bin/next", [command, ...extraArgs], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: database.url, NEXTAUTH_SECRET: ensureAuthSecret() },
  });
  const exited = once(child, "exit");
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // The server's background jobs still use the database while it shuts down: stop it first.
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
    await database.close().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(130));
  process.on("SIGTERM", () => void stop(143));
  child.on("exit", (code) => void stop(code ?? 0));
}
