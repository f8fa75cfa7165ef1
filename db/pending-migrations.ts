import { sql } from "drizzle-orm";
import type { Db } from "./client";
// Bundled where Next builds it, so the standalone server knows the migrations without db/ beside it. Kept apart from
// migrate.ts, which Playwright's loader also reads and which cannot import JSON without an import attribute.
import journal from "./migrations/meta/_journal.json";

export const migrationCount = journal.entries.length;

/** Tags of the migrations in db/migrations that the database lacks; drizzle records each under its journal timestamp. */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const [table] = await db.execute<{ present: boolean }>(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  const rows = table?.present ? await db.execute<{ created_at: string }>(sql`select created_at::text from drizzle.__drizzle_migrations`) : [];
  const applied = new Set(rows.map((row) => Number(row.created_at)));
  return journal.entries.filter((entry) => !applied.has(entry.when)).map((entry) => entry.tag);
}
