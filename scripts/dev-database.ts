import nextEnv from "@next/env";
import { sql } from "drizzle-orm";
import { createDb, type Db } from "../db/client";
import { startDatabase } from "../db/embedded";
import { migrateDatabase } from "../db/migrate";
import { seedDatabase } from "../db/seed";

// The scripts run before Next, so they read .env / .env.local the same way Next will.
nextEnv.loadEnvConfig(process.cwd());

/** The embedded cluster and the seed's size; an empty value (a line copied from .env.example as it is) means the default. */
export function devDatabaseSettings(source: Record<string, string | undefined> = process.env) {
  return {
    port: Number(source.EMBEDDED_PG_PORT || 54329),
    dataDir: source.EMBEDDED_PG_DIR || ".data/pg",
    seedProducts: Number(source.SEED_PRODUCTS || 600),
    // `npm run db:seed` only: an order history of this many orders for the admin dashboard (0: none).
    seedOrders: Number(source.SEED_ORDERS || 0),
  };
}

/**
 * Starts the embedded cluster when DATABASE_URL is unset, creates the `emporium` database and, unless told not to
 * (a production server start), migrates it.
 */
export async function openDevDatabase(options: { migrate?: boolean } = {}): Promise<{ url: string; db: Db; close(): Promise<void> }> {
  const { dataDir, port } = devDatabaseSettings();
  const server = await startDatabase({ dataDir, port, persistent: true });
  const url = process.env.DATABASE_URL || `${server.serverUrl}/emporium`;
  if (server.embedded) {
    const admin = createDb(`${server.serverUrl}/postgres`, { max: 1 });
    const exists = await admin.execute(sql`select 1 from pg_database where datname = 'emporium'`);
    if (exists.length === 0) await admin.execute(sql`create database emporium`);
    await admin.$client.end();
  }
  if (options.migrate ?? true) await migrateDatabase(url);
  const db = createDb(url, { max: 4 });
  return {
    url,
    db,
    close: async () => {
      await db.$client.end();
      await server.stop();
    },
  };
}

/**
 * What the server start does to its database after migrating: in development, a demo catalogue and the demo accounts
 * when it has no products yet; in production nothing, since a deployment's data (and its first admin, made with
 * `npm run admin:create`) is its own.
 */
export async function seedServerDatabase(db: Db, options: { production: boolean; products: number }) {
  if (options.production) return;
  const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from products`);
  if (row && row.n > 0) return;
  const started = Date.now();
  const summary = await seedDatabase(db, { products: options.products, demoUsers: true });
  console.log(`seeded ${summary.products} products and the demo accounts in ${Date.now() - started} ms`);
}
