import bcrypt from "bcryptjs";
import { getTableName, sql } from "drizzle-orm";
import type { Db, Tx } from "./client";
import { carts, categories, categoryBrandCounts, optionValueCounts, orders, productImages, productOptions, productOptionValues, products, searchWords, stockLevels, users, variants, warehouses } from "./schema";
import { bulkInsert, copyRows, deferUpkeep } from "./seed-bulk";
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
    await tx.execute(sql`truncate table ${sql.join([...catalogTables, categories, warehouses, carts, orders, searchWords], sql`, `)} restart identity cascade`);
    const restoreUpkeep = await deferUpkeep(tx, catalogTables);
    const categoryIds = await insertCategories(tx);
    const warehouseIds = (await bulkInsert(tx, warehouses, WAREHOUSES, ["id"])).map((w) => w.id);
    const next = { product: 1, option: 1, image: 1, variant: 1 };
    for (const plans of planProductChunks(options.products, CHUNK_SIZE)) {
      const productIds = await insertProducts(tx, plans, categoryIds, next);
      await insertVariants(tx, plans, productIds, warehouseIds, next);
    }
    await restoreUpkeep();
    await rebuildMaintained(tx);

    for (const { email, name, role, passwordHash } of demoUsers) {
      await tx.execute(sql`
        insert into ${users} (email, name, role, password_hash) values (${email}, ${name}, ${role}, ${passwordHash})
        on conflict (lower(email)) do update set name = excluded.name, role = excluded.role, password_hash = excluded.password_hash`);
    }
    return { products: options.products, variants: next.variant - 1, categories: categoryIds.size };
  });
  // Fresh statistics, so the planner sees the new table sizes before autovacuum gets round to it, and every page marked
  // all-visible (COPY FREEZE marks most), so the facet counts' index-only scans read no table pages.
  const derived = [productOptionValues, optionValueCounts, categoryBrandCounts, searchWords];
  await db.execute(sql`vacuum (analyze) ${sql.join([...catalogTables, ...derived, categories, warehouses, users], sql`, `)}`);
  return summary;
}

/**
 * What the catalogue's triggers keep while it changes row by row, built once for the whole catalogue (the load runs
 * with them off): the identity sequences past the ids the seed assigned, each visible product's option values (their
 * per-category counts follow by product_option_values' own trigger), the visible products per category and brand
 * (category_brand_counts) and the "did you mean" vocabulary. products.stocked_levels is written with each product.
 */
async function rebuildMaintained(tx: Tx) {
  for (const table of [products, productOptions, productImages, variants]) {
    await tx.execute(sql`select setval(pg_get_serial_sequence(${getTableName(table)}, 'id'), (select coalesce(max(id), 0) + 1 from ${table}), false)`);
  }
  await tx.execute(sql`
    insert into ${productOptionValues} (product_id, category_id, name, value)
    select distinct v.product_id, p.category_id, kv.key, kv.value
      from products p join variants v on v.product_id = p.id cross join lateral jsonb_each_text(v.option_values) kv
     where p.status = 'active' and p.price_min is not null`);
  await tx.execute(sql`
    insert into ${categoryBrandCounts} (category_id, brand, currency, products, in_stock)
    select category_id, brand, currency, count(*)::int, count(*) filter (where stocked_levels > 0)::int
      from products where status = 'active' and price_min is not null group by 1, 2, 3`);
  await tx.execute(sql`
    insert into ${searchWords} (word, products)
    select w, count(*)::int from products p cross join lateral product_search_words(p.title, p.brand) w where p.status = 'active' group by w`);
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

/** The ids the next rows of each table get: the seed assigns them itself, so COPY can load parents and children alike. */
type NextIds = { product: number; option: number; image: number; variant: number };

/** Inserts products with their options and images; returns the product ids in plan order. */
async function insertProducts(tx: Tx, plans: ProductPlan[], categoryIds: Map<string, number>, next: NextIds): Promise<number[]> {
  const ids = plans.map(() => next.product++);
  const rows = plans.map((plan, i) => {
    const prices = plan.variants.map((v) => v.priceAmount);
    return {
      id: ids[i],
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
      // Stock rows with units available (the seed reserves nothing and every warehouse is active), as the stock triggers count them.
      stockedLevels: plan.variants.reduce((n, v) => n + v.onHand.filter((units) => units > 0).length, 0),
      createdAt: plan.createdAt,
      updatedAt: plan.updatedAt,
    };
  });
  await copyRows(tx, products, rows);
  await copyRows(
    tx,
    productOptions,
    plans.flatMap((plan, i) => plan.options.map(({ name, values }, position) => ({ id: next.option++, productId: ids[i] as number, name, values, position }))),
  );
  await copyRows(
    tx,
    productImages,
    plans.flatMap((plan, i) =>
      plan.imageAlts.map((alt, n) => ({ id: next.image++, productId: ids[i] as number, url: `/img/p/${ids[i]}-${n + 1}_${plan.categorySlug}.svg`, alt, position: n })),
    ),
  );
  return ids;
}

/** Inserts the variants and a stock level per variant and warehouse. */
async function insertVariants(tx: Tx, plans: ProductPlan[], productIds: number[], warehouseIds: number[], next: NextIds): Promise<void> {
  const rows = plans.flatMap((plan, i) =>
    plan.variants.map((v, position) => ({
      id: next.variant++,
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
  await copyRows(tx, variants, rows);
  const onHand = plans.flatMap((plan) => plan.variants.map((v) => v.onHand));
  await copyRows(
    tx,
    stockLevels,
    rows.flatMap(({ id }, n) => warehouseIds.map((warehouseId, w) => ({ variantId: id, warehouseId, onHand: onHand[n]?.[w] ?? 0 }))),
  );
}
