// `npm run db:migrate` / `npm run db:seed`: run one database task against DATABASE_URL or the embedded dev cluster.
import { devDatabaseSettings, openDevDatabase } from "./dev-database";
import { isProduction } from "./server-environment";
import { seedDatabase } from "../db/seed";

const task = process.argv[2];
const { db, close } = await openDevDatabase();
try {
  if (task === "seed") {
    const summary = await seedDatabase(db, { products: devDatabaseSettings().seedProducts, demoUsers: !isProduction() });
    console.log(`seeded ${summary.products} products, ${summary.variants} variants, ${summary.categories} categories`);
  } else if (task !== "migrate") {
    throw new Error(`unknown task ${task}: use migrate or seed`);
  }
} finally {
  await close();
}
