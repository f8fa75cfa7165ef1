import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { createDb, type Db } from "./client";
import journal from "./migrations/meta/_journal.json";

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

/** Tags of the migrations in db/migrations that the database lacks; drizzle records each under its journal timestamp. */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const [table] = await db.execute<{ present: boolean }>(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  const rows = table?.present ? await db.execute<{ created_at: string }>(sql`select created_at::text from drizzle.__drizzle_migrations`) : [];
  const applied = new Set(rows.map((row) => Number(row.created_at)));
  return journal.entries.filter((entry) => !applied.has(entry.when)).map((entry) => entry.tag);
}
