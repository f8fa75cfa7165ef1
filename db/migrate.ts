import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { createDb } from "./client";

/** One key for every instance, so migrators of the same database take turns. */
export const MIGRATION_LOCK = sql`hashtext('emporium:migrations')`;

/**
 * Applies what db/migrations has and the database lacks. A session advisory lock on a one-connection client
 * serialises concurrent runs (two instances starting at once): the second waits, then finds nothing left to apply.
 * drizzle's migrator creates its schema and table outside its transaction, so without the lock two runs can collide.
 */
export async function migrateDatabase(url: string) {
  const db = createDb(url, { max: 1 });
  try {
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      await migrate(db, { migrationsFolder: path.join(process.cwd(), "db", "migrations") });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  } finally {
    await db.$client.end();
  }
}
