// `npm run db:migrate` / `npm run db:seed`: run one database task against DATABASE_URL or the embedded dev cluster.
import { devDatabaseSettings, openDevDatabase } from "./dev-database";
import { isProduction } from "./server-environment";
import { seedDatabase } from "../db/seed";
import { seedOrderHistory } from "../db/seed-orders";

const task = process.argv[2];
const { db, close } = await openDevDatabase();
try {
  if (task === "seed") {
    const { seedProducts, seedOrders } = devDatabaseSettings();
    if (!Number.isSafeInteger(seedProducts) || seedProducts < 0 || seedProducts > 1_000_000) throw new Error("SEED_PRODUCTS must be a whole number from 0 to 1,000,000");
    if (!Number.isSafeInteger(seedOrders) || seedOrders < 0 || seedOrders > 1_000_000) throw new Error("SEED_ORDERS must be a whole number from 0 to 1,000,000");
    const summary = await seedDatabase(db, { products: seedProducts, demoUsers: !isProduction() });
    console.log(`seeded ${summary.products} products, ${summary.variants} variants, ${summary.categories} categories`);
    if (seedOrders > 0) console.log(`seeded an order history of ${(await seedOrderHistory(db, { orders: seedOrders })).orders} orders`);
  } else if (task !== "migrate") {
    throw new Error(`unknown task ${task}: use migrate or seed`);
  }
} finally {
  await close();
}
