// `npm run db:migrate` / `npm run db:seed`: run one database task against DATABASE_URL or the embedded dev cluster.
import { openDevDatabase } from "./dev-database";
import { seedDatabase } from "../db/seed";

const task = process.argv[2];
const { db, close } = await openDevDatabase({ seedIfEmpty: false });
try {
  if (task === "seed") {
    const products = Number(process.env.SEED_PRODUCTS ?? 600);
    const summary = await seedDatabase(db, { products });
    console.log(`seeded ${summary.products} products, ${summary.variants} variants, ${summary.categories} categories`);
  } else if (task !== "migrate") {
    throw new Error(`unknown task ${task}: use migrate or seed`);
  }
} finally {
  await close();
}
