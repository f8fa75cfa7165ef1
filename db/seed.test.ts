import bcrypt from "bcryptjs";
import { sql, type SQL } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import type { Db } from "./client";
import { seedDatabase } from "./seed";

const first = useTestDatabase();
const second = useTestDatabase();
const PRODUCTS = 500;

async function rows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  return [...(await db.execute<T>(query))] as T[];
}

async function counts(db: Db) {
  const [row] = await rows<{ products: number; variants: number; stock: number; images: number; categories: number; users: number }>(
    db,
    sql`select (select count(*)::int from products) as products, (select count(*)::int from variants) as variants,
      (select count(*)::int from stock_levels) as stock, (select count(*)::int from product_images) as images,
      (select count(*)::int from categories) as categories, (select count(*)::int from users) as users`,
  );
  return row;
}

const catalogue = (db: Db) =>
  rows(db, sql`select p.slug, p.price_min, p.price_max, p.status, v.sku, v.price_amount, v.compare_at_amount from products p join variants v on v.product_id = p.id order by p.id, v.position`);

const indexes = (db: Db) => rows(db, sql`select tablename, indexname, indexdef from pg_indexes where schemaname = current_schema() order by indexname`);

const foreignKeys = (db: Db) =>
  rows(db, sql`select conrelid::regclass::text as "table", conname, pg_get_constraintdef(oid) as definition, convalidated from pg_constraint where contype = 'f' order by conname`);

/** Rows of the first query missing from the second, and the reverse: none when two derivations of a fact agree. */
const differences = (db: Db, stored: SQL, recounted: SQL) => rows(db, sql`(${stored} except all ${recounted}) union all (${recounted} except all ${stored})`);

beforeAll(async () => {
  const summary = await seedDatabase(first.db, { products: PRODUCTS, demoUsers: true });
  expect(summary.products).toBe(PRODUCTS);
});

describe("seedDatabase", () => {
  it("builds a two-level category tree with products only in leaf categories", async () => {
    expect((await counts(first.db))?.products).toBeGreaterThanOrEqual(PRODUCTS);
    const categories = await rows<{ id: number; parent_id: number | null; products: number }>(
      first.db,
      sql`select c.id, c.parent_id, (select count(*)::int from products p where p.category_id = c.id) as products from categories c`,
    );
    expect(categories.length).toBeGreaterThanOrEqual(10);
    const roots = new Set(categories.filter((c) => c.parent_id === null).map((c) => c.id));
    const leaves = categories.filter((c) => c.parent_id !== null);
    expect(roots.size).toBeGreaterThanOrEqual(5);
    expect(leaves.every((c) => roots.has(c.parent_id as number))).toBe(true);
    expect(categories.filter((c) => roots.has(c.id)).every((c) => c.products === 0)).toBe(true);
    expect(leaves.filter((c) => c.products > 0).length).toBeGreaterThanOrEqual(10);
  });

  it("gives every product 1-6 variants with unique SKUs and a price range that matches its variants", async () => {
    const [variantCounts] = await rows<{ min: number; max: number }>(
      first.db,
      sql`select min(n)::int as min, max(n)::int as max from (select count(v.id) as n from products p left join variants v on v.product_id = p.id group by p.id) t`,
    );
    expect(variantCounts).toEqual({ min: 1, max: 6 });
    const [skus] = await rows<{ total: number; distinct: number }>(first.db, sql`select count(*)::int as total, count(distinct sku)::int as distinct from variants`);
    expect(skus?.distinct).toBe(skus?.total);
    const mismatched = await rows(
      first.db,
      sql`select p.id from products p join variants v on v.product_id = p.id group by p.id
        having p.price_min <> min(v.price_amount) or p.price_max <> max(v.price_amount) or bool_or(v.currency <> p.currency)`,
    );
    expect(mismatched).toEqual([]);
    const [sale] = await rows<{ on_sale: number }>(first.db, sql`select count(*)::int as on_sale from variants where compare_at_amount > price_amount`);
    expect(sale?.on_sale).toBeGreaterThan(0);
  });

  it("stocks both warehouses, with some variants out of stock everywhere and some in stock in both", async () => {
    const [stock] = await rows<{ missing: number; sold_out: number; both: number; reserved: number }>(
      first.db,
      sql`select count(*) filter (where levels <> 2)::int as missing, count(*) filter (where total = 0)::int as sold_out,
          count(*) filter (where stocked = 2)::int as both, sum(reserved)::int as reserved
        from (select v.id, count(s.variant_id) as levels, coalesce(sum(s.on_hand), 0) as total, count(*) filter (where s.on_hand > 0) as stocked,
                coalesce(sum(s.reserved), 0) as reserved
              from variants v left join stock_levels s on s.variant_id = v.id group by v.id) t`,
    );
    expect(stock).toMatchObject({ missing: 0, reserved: 0 });
    expect(stock?.sold_out).toBeGreaterThan(0);
    expect(stock?.both).toBeGreaterThan(0);
    const warehouses = await rows<{ code: string }>(first.db, sql`select code from warehouses order by code`);
    expect(warehouses.map((w) => w.code)).toEqual(["east", "west"]);
  });

  it("gives every product 1-4 generated images with alt text", async () => {
    const images = await rows<{ product_id: number; url: string; alt: string; position: number; category: string }>(
      first.db,
      sql`select i.product_id, i.url, i.alt, i.position, c.slug as category from product_images i
        join products p on p.id = i.product_id join categories c on c.id = p.category_id`,
    );
    const perProduct = new Map<number, number>();
    for (const image of images) {
      // The category in the name picks the drawing: a jacket's images show a jacket.
      expect(image.url).toBe(`/img/p/${image.product_id}-${image.position + 1}_${image.category}.svg`);
      expect(image.alt.length).toBeGreaterThan(10);
      perProduct.set(image.product_id, (perProduct.get(image.product_id) ?? 0) + 1);
    }
    expect(perProduct.size).toBe(PRODUCTS);
    expect(Math.min(...perProduct.values())).toBeGreaterThanOrEqual(1);
    expect(Math.max(...perProduct.values())).toBeLessThanOrEqual(4);
  });

  it("leaves what the catalogue's triggers maintain as a recount gives it, with the triggers on and working", async () => {
    // Every page all-visible, so the facet counts' index-only scans read no table pages.
    const [visibility] = await rows<{ pages: number; visible: number }>(first.db, sql`select relpages as pages, relallvisible as visible from pg_class where relname = 'products'`);
    expect(visibility?.pages).toBeGreaterThan(0);
    expect(visibility?.visible).toBe(visibility?.pages);
    const stocked = sql`select v.product_id, count(*)::int from stock_levels s join variants v on v.id = s.variant_id join warehouses w on w.id = s.warehouse_id and w.active
      where s.on_hand - s.reserved > 0 group by v.product_id`;
    expect(await differences(first.db, sql`select id, stocked_levels from products where stocked_levels > 0`, stocked)).toEqual([]);
    const optionValues = sql`select distinct v.product_id, p.category_id, kv.key, kv.value from products p join variants v on v.product_id = p.id
      cross join lateral jsonb_each_text(v.option_values) kv where p.status = 'active' and p.price_min is not null`;
    expect(await differences(first.db, sql`select product_id, category_id, name, value from product_option_values`, optionValues)).toEqual([]);
    const optionCounts = sql`select category_id, name, value, count(*)::int from product_option_values group by 1, 2, 3`;
    expect(await differences(first.db, sql`select category_id, name, value, products from option_value_counts where products > 0`, optionCounts)).toEqual([]);
    const brandCounts = sql`select category_id, brand, currency, count(*)::int, count(*) filter (where stocked_levels > 0)::int
      from products where status = 'active' and price_min is not null group by 1, 2, 3`;
    expect(await differences(first.db, sql`select category_id, brand, currency, products, in_stock from category_brand_counts`, brandCounts)).toEqual([]);
    expect((await rows<{ n: number }>(first.db, sql`select sum(in_stock)::int as n from category_brand_counts`))[0]?.n).toBeGreaterThan(PRODUCTS / 2);
    const words = sql`select w, count(*)::int from products p cross join lateral product_search_words(p.title, p.brand) w where p.status = 'active' group by w`;
    expect(await differences(first.db, sql`select word, products from search_words`, words)).toEqual([]);
    expect((await rows<{ n: number }>(first.db, sql`select count(*)::int as n from search_words`))[0]?.n).toBeGreaterThan(100);

    expect(await rows(first.db, sql`select tgrelid::regclass::text, tgname from pg_trigger where not tgisinternal and tgenabled <> 'O'`)).toEqual([]);
    const [product] = await rows<{ id: number }>(first.db, sql`select id from products where stocked_levels > 0 order by id limit 1`);
    await first.db.execute(sql`update stock_levels set on_hand = 0 where variant_id in (select id from variants where product_id = ${product?.id})`);
    expect(await rows(first.db, sql`select stocked_levels from products where id = ${product?.id}`)).toEqual([{ stocked_levels: 0 }]);
    const [created] = await rows<{ id: number }>(
      first.db,
      sql`insert into products (slug, title, brand, category_id) select 'after-the-seed', 'After the seed', 'Acme', min(id) from categories returning id`,
    );
    expect(created?.id).toBe(PRODUCTS + 1);
    await first.db.execute(sql`delete from products where id = ${created?.id}`);
  });

  it("creates the demo admin and shopper with bcrypt-hashed passwords", async () => {
    const users = await rows<{ email: string; name: string; role: string; password_hash: string }>(
      first.db,
      sql`select email, name, role, password_hash from users order by email`,
    );
    expect(users.map(({ email, name, role }) => ({ email, name, role }))).toEqual([
      { email: "admin@emporium.test", name: "Ada Admin", role: "admin" },
      { email: "shopper@emporium.test", name: "Sam Shopper", role: "shopper" },
    ]);
    expect(await bcrypt.compare("emporium-admin", users[0]?.password_hash ?? "")).toBe(true);
    expect(await bcrypt.compare("emporium-shopper", users[1]?.password_hash ?? "")).toBe(true);
    expect(await bcrypt.compare("emporium-admin", users[1]?.password_hash ?? "")).toBe(false);
  });

  it("produces the same catalogue in two fresh databases, and the demo accounts only when asked", async () => {
    await seedDatabase(second.db, { products: PRODUCTS, demoUsers: false });
    const [a, b] = await Promise.all([catalogue(first.db), catalogue(second.db)]);
    expect(a.length).toBeGreaterThan(PRODUCTS);
    expect(b).toEqual(a);
    expect((await counts(second.db))?.users).toBe(0);
  });

  it("reseeds an already seeded database (carts included) to the same catalogue, indexes and demo users", async () => {
    const before = await counts(first.db);
    const catalogueBefore = await catalogue(first.db);
    const indexesBefore = await indexes(first.db);
    const foreignKeysBefore = await foreignKeys(first.db);
    await first.db.execute(sql`update users set role = 'shopper', name = 'Changed' where email = 'admin@emporium.test'`);
    await first.db.execute(sql`delete from products where id in (select id from products order by id limit 10)`);
    await first.db.execute(sql`with cart as (insert into carts default values returning id)
      insert into cart_lines (cart_id, variant_id, quantity, seen_unit_amount) select cart.id, v.id, 1, v.price_amount from cart, variants v limit 3`);

    await seedDatabase(first.db, { products: PRODUCTS, demoUsers: true });

    expect(await counts(first.db)).toEqual(before);
    expect(await catalogue(first.db)).toEqual(catalogueBefore);
    expect(await indexes(first.db)).toEqual(indexesBefore);
    expect(await foreignKeys(first.db)).toEqual(foreignKeysBefore);
    expect(foreignKeysBefore.length).toBeGreaterThan(5);
    expect(await rows(first.db, sql`select id from carts`)).toEqual([]);
    const [admin] = await rows<{ role: string; name: string }>(first.db, sql`select role, name from users where email = 'admin@emporium.test'`);
    expect(admin).toEqual({ role: "admin", name: "Ada Admin" });
  });
});
