import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import nextEnv from "@next/env";
import { sql } from "drizzle-orm";
import { createDb, type Db } from "../db/client";
import { startDatabase } from "../db/embedded";
import { migrateDatabase } from "../db/migrate";
import { seedDatabase } from "../db/seed";

// The scripts run before Next, so they read .env / .env.local the same way Next will.
nextEnv.loadEnvConfig(process.cwd());

const DATA_DIR = ".data";
const DEV_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
const DEV_PG_DIR = process.env.EMBEDDED_PG_DIR ?? `${DATA_DIR}/pg`;

/** A per-checkout NEXTAUTH_SECRET, made once, so a fresh clone needs no set-up. */
export function ensureAuthSecret() {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  mkdirSync(DATA_DIR, { recursive: true });
  const file = `${DATA_DIR}/auth-secret`;
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/**
 * Starts the embedded cluster when DATABASE_URL is unset, creates the `emporium` database, migrates it,
 * and seeds it when it has no products yet.
 */
export async function openDevDatabase(options: { seedIfEmpty: boolean }): Promise<{ url: string; db: Db; close(): Promise<void> }> {
  const server = await startDatabase({ dataDir: DEV_PG_DIR, port: DEV_PORT, persistent: true });
  const url = process.env.DATABASE_URL ?? `${server.serverUrl}/emporium`;
  if (server.embedded) {
    const admin = createDb(`${server.serverUrl}/postgres`, { max: 1 });
    const exists = await admin.execute(sql`select 1 from pg_database where datname = 'emporium'`);
    if (exists.length === 0) await admin.execute(sql`create database emporium`);
    await admin.$client.end();
  }
  const db = createDb(url, { max: 4 });
  await migrateDatabase(db);
  if (options.seedIfEmpty) {
    const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from products`);
    if (!row || row.n === 0) {
      const started = Date.now();
      const summary = await seedDatabase(db, { products: Number(process.env.SEED_PRODUCTS ?? 600) });
      console.log(`seeded ${summary.products} products in ${Date.now() - started} ms`);
    }
  }
  return {
    url,
    db,
    close: async () => {
      await db.$client.end();
      await server.stop();
    },
  };
}
