import { createDb, type Db } from "@/db/client";
import { env } from "./env";

const globalForDb = globalThis as unknown as { emporiumDb?: Db };

/** The app's one connection pool, kept across hot reloads in development. */
export function appDb(): Db {
  globalForDb.emporiumDb ??= createDb(env().DATABASE_URL, { max: 10 });
  return globalForDb.emporiumDb;
}

/** Ends the pool once its queries are done (or after `timeoutSeconds`); the next appDb() opens a new one. */
export async function closeAppDb(timeoutSeconds = 5): Promise<void> {
  const db = globalForDb.emporiumDb;
  globalForDb.emporiumDb = undefined;
  await db?.$client.end({ timeout: timeoutSeconds });
}
