import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { Random } from "@/db/seed-random";
import { useTestDatabase } from "@/test/db";
import { createCaller } from "../trpc/root";
import { facetCountsDrift } from "./test-facet-counts";
import { insertCategory, insertProduct, insertWarehouse } from "./test-fixtures";

// The PostgreSQL adapter behind the router, even where MEILISEARCH_HOST is set (CI).
vi.stubEnv("MEILISEARCH_HOST", "");

const t = useTestDatabase({ max: 12 });
const catalog = () => createCaller({ db: t.db, actor: { type: "anonymous" } }).catalog;
const categoryIds: number[] = [];
const productIds: number[] = [];
const variantIds: number[] = [];
const BRANDS = ["Alder", "Birch", "Cedar"];
const COLOURS = ["Red", "Green", "Blue", "Black"];
const SIZES = ["S", "M", "L"];

beforeAll(async () => {
  const home = await insertCategory(t.db, { slug: "fc-home", position: 0 });
  const kitchen = await insertCategory(t.db, { slug: "fc-kitchen", parentId: home });
  const pans = await insertCategory(t.db, { slug: "fc-pans", parentId: kitchen });
  const garden = await insertCategory(t.db, { slug: "fc-garden", position: 1 });
  categoryIds.push(home, kitchen, pans, garden);
  const warehouses = [await insertWarehouse(t.db), await insertWarehouse(t.db)];
  // Seeded, so a failing sequence of writes can be replayed.
  const pick = new Random(1).next;
  for (let n = 0; n < 24; n++) {
    const inserted = await insertProduct(t.db, {
      categoryId: categoryIds[n % categoryIds.length]!,
      brand: BRANDS[n % BRANDS.length],
      status: n % 7 === 6 ? "draft" : "active",
      variants: Array.from({ length: 1 + (n % 3) }, (_, i) => ({
        optionValues: { colour: COLOURS[Math.floor(pick() * COLOURS.length)]!, size: SIZES[i]! },
        priceAmount: 1000 + n * 100 + i,
        stock: warehouses.map((warehouseId) => ({ warehouseId, onHand: Math.floor(pick() * 3) })),
      })),
    });
    productIds.push(inserted.id);
    variantIds.push(...inserted.variantIds);
  }
});

/** Facets as the per-facet statements count them: minPrice 0 filters nothing out but takes that path. */
const recounted = (categorySlug?: string) => catalog().facets({ categorySlug, minPrice: 0 });

describe("facet counts kept by triggers", () => {
  it("answer every category page and the catalogue as the per-facet statements do", async () => {
    for (const slug of [undefined, "fc-home", "fc-kitchen", "fc-pans", "fc-garden"]) {
      expect(await catalog().facets({ categorySlug: slug }), slug ?? "catalogue").toEqual(await recounted(slug));
    }
    expect((await catalog().facets({ categorySlug: "fc-home" })).categories).toEqual([{ slug: "fc-kitchen", name: "fc-kitchen", count: expect.any(Number) }]);
    expect(await facetCountsDrift(t.db)).toEqual([]);
  });

  it("stay equal to a recount under concurrent random writes: prices, stock to zero and back, archive, options, moves", async () => {
    const writes: ((pick: () => number) => ReturnType<typeof sql>)[] = [
      (pick) => sql`update products set price_min = ${pick() < 0.2 ? null : 500 + Math.floor(pick() * 5000)},
        price_max = case when ${pick() < 0.2} then null else 99999 end where id = ${some(pick, productIds)}`,
      (pick) => sql`update stock_levels set on_hand = ${pick() < 0.5 ? 0 : 4} where variant_id = any(${ids(pick, variantIds)})`,
      (pick) => sql`update products set status = ${pick() < 0.5 ? "archived" : "active"} where id = any(${ids(pick, productIds)})`,
      (pick) => sql`update variants set option_values = ${JSON.stringify({ colour: some(pick, COLOURS), size: some(pick, SIZES) })}::jsonb
        where id = ${some(pick, variantIds)}`,
      (pick) => sql`update products set category_id = ${some(pick, categoryIds)}, brand = ${some(pick, BRANDS)} where id = ${some(pick, productIds)}`,
      (pick) => sql`update products set status = 'active', price_min = coalesce(price_min, 700), price_max = coalesce(price_max, 99999)
        where id = any(${ids(pick, productIds)})`,
    ];
    let committed = 0;
    await Promise.all(
      Array.from({ length: 6 }, async (_, worker) => {
        const pick = new Random(100 + worker).next;
        for (let n = 0; n < 15; n++) {
          const statements = Array.from({ length: 1 + Math.floor(pick() * 2) }, () => some(pick, writes)(pick));
          try {
            await t.db.transaction(async (tx) => {
              for (const statement of statements) await tx.execute(statement);
            });
            committed++;
          } catch (error) {
            // Random writes to shared product rows in random order may deadlock; PostgreSQL rolls one back whole.
            if ((error as { cause?: { code?: string } }).cause?.code !== "40P01") throw error;
          }
        }
      }),
    );
    expect(committed).toBeGreaterThan(60);
    expect(await facetCountsDrift(t.db)).toEqual([]);
    for (const slug of [undefined, "fc-home", "fc-kitchen", "fc-pans", "fc-garden"]) {
      expect(await catalog().facets({ categorySlug: slug }), slug ?? "catalogue").toEqual(await recounted(slug));
    }
  }, 120_000);

  it("forget a deleted product and a truncated catalogue", async () => {
    await t.db.execute(sql`delete from products where id = ${productIds[0]}`);
    expect(await facetCountsDrift(t.db)).toEqual([]);
    await t.db.execute(sql`truncate products cascade`);
    expect(await t.db.execute(sql`select * from category_brand_counts union all select null, name, null, products, null from option_value_counts`)).toEqual([]);
    expect((await catalog().facets({})).total).toBe(0);
  });
});

function some<T>(pick: () => number, list: T[]): T {
  return list[Math.floor(pick() * list.length)]!;
}

/** One to three ids as a PostgreSQL array literal. */
function ids(pick: () => number, list: number[]): string {
  return `{${Array.from({ length: 1 + Math.floor(pick() * 3) }, () => some(pick, list)).join(",")}}`;
}
