import bcrypt from "bcryptjs";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "./client";
import { carts, categories, orders, productImages, productOptions, products, stockLevels, users, variants, warehouses } from "./schema";
import { bulkInsert, dropIndexes } from "./seed-bulk";
import { planCategories, planProductChunks, type ProductPlan } from "./seed-generate";

const CURRENCY = "USD";
// Products planned and inserted at a time: memory stays flat however large the catalogue (SEED_PRODUCTS=1000000).
const CHUNK_SIZE = 20_000;

const DEMO_USERS = [
  { email: "admin@emporium.test", password: "emporium-admin", name: "Ada Admin", role: "admin" },
  { email: "shopper@emporium.test", password: "emporium-shopper", name: "Sam Shopper", role: "shopper" },
] as const;

const WAREHOUSES = [
  { code: "east", name: "East Coast Fulfilment (Newark, NJ)" },
  { code: "west", name: "West Coast Fulfilment (Reno, NV)" },
];

/**
 * Replaces the catalogue and inventory with a deterministic demo catalogue and, when asked (development only: their
 * passwords are in the README), upserts the demo users.
 * Everything runs in one transaction, so a failed seed leaves the previous data in place.
 * Carts and orders point at variants that no longer exist after a reseed, so they are wiped too (with everything hanging
 * off them: lines, reservations, stock movements, payments); users stay.
 */
export async function seedDatabase(
  db: Db,
  options: { products: number; demoUsers: boolean },
): Promise<{ products: number; variants: number; categories: number }> {
  const demoUsers = await Promise.all((options.demoUsers ? DEMO_USERS : []).map(async (user) => ({ ...user, passwordHash: await bcrypt.hash(user.password, 10) })));
  const catalogTables = [products, productOptions, productImages, variants, stockLevels];

  const summary = await db.transaction(async (tx) => {
    await tx.execute(sql`truncate table ${sql.join([...catalogTables, categories, warehouses, carts, orders], sql`, `)} restart identity cascade`);
    const restoreIndexes = await dropIndexes(tx, catalogTables);
    const categoryIds = await insertCategories(tx);
    const warehouseIds = (await bulkInsert(tx, warehouses, WAREHOUSES, ["id"])).map((w) => w.id);
    let variantCount = 0;
    for (const plans of planProductChunks(options.products, CHUNK_SIZE)) {
      const productIds = await insertProducts(tx, plans, categoryIds);
      variantCount += await insertVariants(tx, plans, productIds, warehouseIds);
    }
    await restoreIndexes();

    for (const { email, name, role, passwordHash } of demoUsers) {
      await tx.execute(sql`
        insert into ${users} (email, name, role, password_hash) values (${email}, ${name}, ${role}, ${passwordHash})
        on conflict (lower(email)) do update set name = excluded.name, role = excluded.role, password_hash = excluded.password_hash`);
    }
    return { products: options.products, variants: variantCount, categories: categoryIds.size };
  });
  // Fresh statistics, so the planner sees the new table sizes before autovacuum gets round to it.
  await db.execute(sql`analyze ${sql.join([...catalogTables, categories, warehouses, users], sql`, `)}`);
  return summary;
}

async function insertCategories(tx: Tx): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const plans = planCategories();
  for (const level of [plans.filter((c) => c.parentSlug === null), plans.filter((c) => c.parentSlug !== null)]) {
    const rows = level.map(({ slug, name, position, parentSlug }) => ({ slug, name, position, parentId: parentSlug ? ids.get(parentSlug) : null }));
    for (const { id, slug } of await bulkInsert(tx, categories, rows, ["id", "slug"])) ids.set(slug, id);
  }
  return ids;
}

/** Inserts products with their options and images; returns the product ids in plan order. */
async function insertProducts(tx: Tx, plans: ProductPlan[], categoryIds: Map<string, number>): Promise<number[]> {
  const rows = plans.map((plan) => {
    const prices = plan.variants.map((v) => v.priceAmount);
    return {
      slug: plan.slug,
      title: plan.title,
      description: plan.description,
      brand: plan.brand,
      categoryId: categoryIds.get(plan.categorySlug) as number,
      attributes: plan.attributes,
      status: plan.status,
      priceMin: Math.min(...prices),
      priceMax: Math.max(...prices),
      currency: CURRENCY,
      createdAt: plan.createdAt,
      updatedAt: plan.updatedAt,
    };
  });
  const idBySlug = new Map((await bulkInsert(tx, products, rows, ["id", "slug"])).map(({ id, slug }) => [slug, id]));
  const ids = plans.map((plan) => idBySlug.get(plan.slug) as number);

  await bulkInsert(
    tx,
    productOptions,
    plans.flatMap((plan, i) => plan.options.map(({ name, values }, position) => ({ productId: ids[i] as number, name, values, position }))),
  );
  await bulkInsert(
    tx,
    productImages,
    plans.flatMap((plan, i) => plan.imageAlts.map((alt, n) => ({ productId: ids[i] as number, url: `/img/p/${ids[i]}-${n + 1}_${plan.categorySlug}.svg`, alt, position: n }))),
  );
  return ids;
}

/** Inserts the variants and a stock level per variant and warehouse; returns the number of variants. */
async function insertVariants(tx: Tx, plans: ProductPlan[], productIds: number[], warehouseIds: number[]): Promise<number> {
  const rows = plans.flatMap((plan, i) =>
    plan.variants.map((v, position) => ({
      productId: productIds[i] as number,
      sku: v.sku,
      title: v.title,
      optionValues: v.optionValues,
      priceAmount: v.priceAmount,
      currency: CURRENCY,
      compareAtAmount: v.compareAtAmount,
      weightGrams: v.weightGrams,
      position,
      createdAt: plan.createdAt,
    })),
  );
  const inserted = await bulkInsert(tx, variants, rows, ["id", "sku"]);
  const onHandBySku = new Map(plans.flatMap((plan) => plan.variants.map((v) => [v.sku, v.onHand] as const)));
  await bulkInsert(
    tx,
    stockLevels,
    inserted.flatMap(({ id, sku }) => warehouseIds.map((warehouseId, w) => ({ variantId: id, warehouseId, onHand: onHandBySku.get(sku)?.[w] ?? 0 }))),
  );
  return rows.length;
}
