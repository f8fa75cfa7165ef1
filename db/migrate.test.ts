import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "./client";
import journal from "./migrations/meta/_journal.json";
import { MIGRATION_LOCK, migrateDatabase } from "./migrate";

// A database with no schema at all, as a new deployment starts: the template every other test clones is migrated already.
const serverUrl = inject("databaseServerUrl");
const admin = () => createDb(`${serverUrl}/postgres`, { max: 1 });
const created: string[] = [];

async function emptyDatabase() {
  const name = `migrate_${randomBytes(6).toString("hex")}`;
  const db = admin();
  await db.execute(sql.raw(`create database ${name}`));
  await db.$client.end();
  created.push(name);
  return `${serverUrl}/${name}`;
}

async function appliedMigrations(db: Db) {
  const rows = await db.execute<{ created_at: number }>(sql`select created_at from drizzle.__drizzle_migrations order by id`);
  return rows.map((row) => Number(row.created_at));
}

let probe: Db | undefined;
afterAll(async () => {
  await probe?.$client.end();
  const db = admin();
  for (const name of created) await db.execute(sql.raw(`drop database if exists ${name} with (force)`));
  await db.$client.end();
});

describe("migrateDatabase", () => {
  it("applies every migration once when two instances migrate a fresh database at the same time", async () => {
    const url = await emptyDatabase();
    await Promise.all([migrateDatabase(url), migrateDatabase(url)]);
    probe = createDb(url, { max: 1 });
    expect(await appliedMigrations(probe)).toEqual(journal.entries.map((entry) => entry.when));
    const [products] = await probe.execute<{ n: number }>(sql`select count(*)::int as n from products`);
    expect(products?.n).toBe(0);
  });

  it("waits while another migrator holds the lock, then continues and finds nothing left to apply", async () => {
    const url = await emptyDatabase();
    await migrateDatabase(url);
    const holder = createDb(url, { max: 1 });
    await holder.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    let finished = false;
    const second = migrateDatabase(url).then(() => (finished = true));
    await expect.poll(() => waitingForAdvisoryLock(holder), { timeout: 10_000 }).toBe(1);
    expect(finished).toBe(false);
    await holder.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
    await second;
    expect(await appliedMigrations(holder)).toHaveLength(journal.entries.length);
    await holder.$client.end();
  });
});

async function waitingForAdvisoryLock(db: Db) {
  const [row] = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())`,
  );
  return row?.n;
}
