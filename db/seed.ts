import bcrypt from "bcryptjs";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "./client";
import { planCategories, planProducts } from "./seed-generate";

const BATCH_SIZE = 5000;
const CURRENCY = "USD";

const DEMO_USERS = [
  { email: "admin@emporium.test", password: "emporium-admin", name: "Ada Admin", role: "admin" },
  { email: "shopper@emporium.test", password: "emporium-shopper", name: "Sam Shopper", role: "shopper" },
] as const;

const WAREHOUSES = [
  { code: "east", name: "East Coast Fulfilment (Newark, NJ)" },
  { code: "west", name: "West Coast Fulfilment (Reno, NV)" },
];

/**
 * Replaces the catalogue and inventory with a deterministic demo catalogue and upserts the demo users.
 * Everything runs in one transaction, so a failed seed leaves the previous data in place.
 * The wipe cascades to any table that references catalogue rows (carts, order lines).
 */
export async function seedDatabase(db: Db, options: { products: number }): Promise<{ products: number; variants: number; categories: number }> {
  const plans = planProducts(options.products);
  const users = await Promise.all(DEMO_USERS.map(async (user) => ({ ...user, password_hash: await bcrypt.hash(user.password, 10) })));

  const summary = await db.transaction(async (tx) => {
    await tx.execute(
      sql`truncate table stock_levels, product_images, product_options, variants, products, categories, warehouses restart identity cascade`,
    );
    const indexes = await dropIndexes(tx, ["products", "product_options", "product_images", "variants", "stock_levels"]);
    const categoryIds = new Map<string, number>();
    const categories = planCategories();
    for (const level of [categories.filter((c) => c.parentSlug === null), categories.filter((c) => c.parentSlug !== null)]) {
      const rows = level.map(({ slug, name, position, parentSlug }) => ({ slug, name, position, parent_id: parentSlug ? categoryIds.get(parentSlug) : null }));
      const inserted = await bulkInsert<{ id: number; slug: string }>(tx, "categories", { parent_id: "int", slug: "text", name: "text", position: "int" }, rows, "id, slug");
      for (const { id, slug } of inserted) categoryIds.set(slug, id);
    }
    const warehouseIds = (await bulkInsert<{ id: number }>(tx, "warehouses", { code: "text", name: "text" }, WAREHOUSES, "id")).map((w) => w.id);

    const productRows = plans.map((plan) => {
      const prices = plan.variants.map((v) => v.priceAmount);
      return {
        slug: plan.slug,
        title: plan.title,
        description: plan.description,
        brand: plan.brand,
        category_id: categoryIds.get(plan.categorySlug),
        attributes: plan.attributes,
        status: plan.status,
        price_min: Math.min(...prices),
        price_max: Math.max(...prices),
        currency: CURRENCY,
        created_at: plan.createdAt,
        updated_at: plan.updatedAt,
      };
    });
    const productColumns = { slug: "text", title: "text", description: "text", brand: "text", category_id: "int", attributes: "jsonb", status: "product_status" };
    const insertedProducts = await bulkInsert<{ id: number; slug: string }>(
      tx,
      "products",
      { ...productColumns, price_min: "int", price_max: "int", currency: "char(3)", created_at: "timestamptz", updated_at: "timestamptz" },
      productRows,
      "id, slug",
    );
    const idBySlug = new Map(insertedProducts.map(({ id, slug }) => [slug, id]));
    const productIds = plans.map((plan) => idBySlug.get(plan.slug) as number);

    await bulkInsert(
      tx,
      "product_options",
      { product_id: "int", name: "text", values: "text[]", position: "int" },
      plans.flatMap((plan, i) => plan.options.map((option, position) => ({ product_id: productIds[i], ...option, position }))),
    );
    await bulkInsert(
      tx,
      "product_images",
      { product_id: "int", url: "text", alt: "text", position: "int" },
      plans.flatMap((plan, i) => plan.imageAlts.map((alt, n) => ({ product_id: productIds[i], url: `/img/p/${productIds[i]}-${n + 1}.svg`, alt, position: n }))),
    );

    const variantRows = plans.flatMap((plan, i) =>
      plan.variants.map((v, position) => ({
        product_id: productIds[i],
        sku: v.sku,
        title: v.title,
        option_values: v.optionValues,
        price_amount: v.priceAmount,
        currency: CURRENCY,
        compare_at_amount: v.compareAtAmount,
        weight_grams: v.weightGrams,
        position,
        created_at: plan.createdAt,
      })),
    );
    const insertedVariants = await bulkInsert<{ id: number; sku: string }>(
      tx,
      "variants",
      { product_id: "int", sku: "text", title: "text", option_values: "jsonb", price_amount: "int", currency: "char(3)", compare_at_amount: "int", weight_grams: "int", position: "int", created_at: "timestamptz" },
      variantRows,
      "id, sku",
    );
    const onHandBySku = new Map(plans.flatMap((plan) => plan.variants.map((v) => [v.sku, v.onHand] as const)));
    await bulkInsert(
      tx,
      "stock_levels",
      { variant_id: "int", warehouse_id: "int", on_hand: "int" },
      insertedVariants.flatMap(({ id, sku }) => warehouseIds.map((warehouseId, w) => ({ variant_id: id, warehouse_id: warehouseId, on_hand: onHandBySku.get(sku)?.[w] ?? 0 }))),
    );

    await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
    for (const definition of indexes) await tx.execute(sql.raw(definition));

    for (const user of users) {
      await tx.execute(sql`
        insert into users (email, name, password_hash, role) values (${user.email}, ${user.name}, ${user.password_hash}, ${user.role})
        on conflict (lower(email)) do update set name = excluded.name, password_hash = excluded.password_hash, role = excluded.role`);
    }
    return { products: plans.length, variants: variantRows.length, categories: categoryIds.size };
  });
  // Fresh statistics, so the planner sees the new table sizes before autovacuum gets round to it.
  await db.execute(sql`analyze categories, products, product_options, product_images, variants, stock_levels, warehouses, users`);
  return summary;
}

/**
 * Loading 50,000 products into indexed tables takes several times longer than building the indexes once afterwards.
 * Drops the tables' plain indexes (constraint indexes stay) and returns their definitions for re-creating them.
 */
async function dropIndexes(tx: Tx, tables: string[]): Promise<string[]> {
  const indexes = await tx.execute<{ name: string; definition: string }>(sql`
    select indexname as name, indexdef as definition from pg_indexes
    where schemaname = current_schema() and tablename in ${tables}
      and not exists (select 1 from pg_constraint where conindid = format('%I.%I', schemaname, indexname)::regclass)`);
  for (const { name } of indexes) await tx.execute(sql`drop index ${sql.identifier(name)}`);
  return indexes.map((index) => index.definition);
}

/**
 * Inserts rows in batches, each batch one statement with one JSON parameter (json_to_recordset), which is much cheaper
 * to build than a statement with a bind parameter per value. `columns` maps column names to their SQL types.
 */
async function bulkInsert<R extends Record<string, unknown> = Record<string, never>>(
  tx: Tx,
  table: string,
  columns: Record<string, string>,
  rows: object[],
  returning?: string,
): Promise<R[]> {
  const names = sql.raw(Object.keys(columns).map((name) => `"${name}"`).join(", "));
  const record = sql.raw(Object.entries(columns).map(([name, type]) => `"${name}" ${type}`).join(", "));
  const returned: R[] = [];
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    const batch = JSON.stringify(rows.slice(start, start + BATCH_SIZE));
    const result = await tx.execute<R>(
      sql`insert into ${sql.identifier(table)} (${names}) select ${names} from json_to_recordset(${batch}::json) as r(${record}) ${sql.raw(returning ? `returning ${returning}` : "")}`,
    );
    returned.push(...(result as R[]));
  }
  return returned;
}
