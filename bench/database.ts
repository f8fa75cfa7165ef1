import { sql } from "drizzle-orm";

/** 50,000 unless BENCH_PRODUCTS says otherwise (e.g. 1000000); each size keeps its own embedded cluster. */
export const BENCH_PRODUCTS = Number(process.env.BENCH_PRODUCTS || 50_000);
if (!Number.isSafeInteger(BENCH_PRODUCTS) || BENCH_PRODUCTS < 1 || BENCH_PRODUCTS > 1_000_000) throw new Error("BENCH_PRODUCTS must be a whole number from 1 to 1,000,000");

// scripts/dev-database reads these when it loads, so they are set before the dynamic import below.
process.env.EMBEDDED_PG_DIR = BENCH_PRODUCTS === 50_000 ? ".data/pg-bench" : `.data/pg-bench-${BENCH_PRODUCTS}`;
// BENCH_PG_PORT: a bench that runs beside the others (bench/lighthouse.ts) takes another port.
process.env.EMBEDDED_PG_PORT = process.env.BENCH_PG_PORT || "54408";
const { openDevDatabase } = await import("../scripts/dev-database");
const { seedDatabase } = await import("../db/seed");

/**
 * The benchmark's database (its own embedded cluster unless DATABASE_URL is set), migrated and holding exactly
 * BENCH_PRODUCTS products; it is seeded only when the count differs, so later runs start at once.
 * An external database is reseeded only with BENCH_RESEED=1.
 */
export async function openBenchDatabase() {
  const embedded = !process.env.DATABASE_URL;
  const database = await openDevDatabase();
  const count = async () => {
    const [row] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from products`);
    return row?.n ?? 0;
  };
  const found = await count();
  if (found !== BENCH_PRODUCTS) {
    // The seed replaces the catalogue and wipes carts and orders: never unasked on a database we did not create.
    if (!embedded && process.env.BENCH_RESEED !== "1") {
      await database.close();
      throw new Error(`DATABASE_URL holds ${found} products, not ${BENCH_PRODUCTS}; set BENCH_RESEED=1 to replace its catalogue (wipes carts and orders)`);
    }
    console.log(`the database holds ${found} products; seeding ${BENCH_PRODUCTS} (takes a while, once)`);
    const started = Date.now();
    await seedDatabase(database.db, { products: BENCH_PRODUCTS, demoUsers: false });
    console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  const products = await count();
  return { url: database.url, embedded, products, close: database.close };
}
