import { sql } from "drizzle-orm";
import { createDb, type Db } from "../db/client";

const PRODUCTS = 600;
const VARIANTS = 200;
const ON_HAND = 10_000_000;

// scripts/dev-database reads these when it loads, so they are set before the dynamic import below.
process.env.EMBEDDED_PG_DIR = ".data/pg-bench-checkout";
process.env.EMBEDDED_PG_PORT = "54415";
const { openDevDatabase } = await import("../scripts/dev-database");
const { serverEnvironment } = await import("../scripts/server-environment");
const { seedDatabase } = await import("../db/seed");

export interface CheckoutBenchDatabase {
  url: string;
  embedded: boolean;
  db: Db;
  /** Variants of active products, every one with ON_HAND units in `warehouseId`, in the id range [min, max]. */
  variantIds: number[];
  warehouseId: number;
  close(): Promise<void>;
}

/**
 * A small catalogue in its own embedded cluster (or DATABASE_URL, which must then hold exactly PRODUCTS products or be
 * empty), with a contiguous block of variants stocked so deep that no run can exhaust it.
 */
export async function openCheckoutBenchDatabase(poolSize: number): Promise<CheckoutBenchDatabase> {
  Object.assign(process.env, serverEnvironment(process.env, { production: false }));
  const embedded = !process.env.DATABASE_URL;
  const database = await openDevDatabase();
  const [count] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from products`);
  if (count!.n !== PRODUCTS) {
    if (!embedded && count!.n !== 0) {
      await database.close();
      throw new Error(`DATABASE_URL holds ${count!.n} products; the checkout bench seeds only an empty database or its own cluster`);
    }
    console.log(`seeding ${PRODUCTS} products`);
    await seedDatabase(database.db, { products: PRODUCTS, demoUsers: false });
  }
  // The services read DATABASE_URL through env(); the shop's own code paths then see a complete environment.
  process.env.DATABASE_URL = database.url;
  const db = createDb(database.url, { max: poolSize });
  const picked = await db.execute<{ id: number }>(sql`
    select v.id from variants v join products p on p.id = v.product_id
     where p.status = 'active' order by v.id limit ${VARIANTS}`);
  const variantIds = picked.map((r) => r.id);
  const [min, max] = [variantIds[0]!, variantIds.at(-1)!];
  const [warehouse] = await db.execute<{ id: number }>(sql`select min(id)::int as id from warehouses`);
  const warehouseId = warehouse!.id;
  // Every variant in [min, max] gets deep stock (pgbench picks ids from the range; inactive ones are harmless there).
  await db.execute(sql`
    insert into stock_levels (variant_id, warehouse_id, on_hand, reserved)
    select id, ${warehouseId}, ${ON_HAND}, 0 from variants where id between ${min} and ${max}
    on conflict (variant_id, warehouse_id) do update set on_hand = stock_levels.reserved + excluded.on_hand`);
  return {
    url: database.url,
    embedded,
    db,
    variantIds,
    warehouseId,
    close: async () => {
      await db.$client.end();
      await database.close();
    },
  };
}
