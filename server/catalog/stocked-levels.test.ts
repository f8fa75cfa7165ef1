import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { variants } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { systemContext, type ServiceContext } from "../context";
import { insertPendingOrder, seedShop } from "../checkout/checkout-test-fixtures";
import { adjustStock } from "../inventory/adjust-stock";
import { commitStock } from "../inventory/commit-stock";
import { releaseStock, reserveStock } from "../inventory/reserve-stock";
import { transferStock } from "../inventory/transfer-stock";
import { updateWarehouse } from "../inventory/warehouses";
import { insertUser } from "../orders/test-fixtures";
import { createCaller } from "../trpc/root";
import { insertProduct } from "./test-fixtures";
import { stockedLevelsDrift } from "./test-stocked-levels";

// The PostgreSQL adapter: products.stocked_levels is what it filters and counts on.
vi.stubEnv("MEILISEARCH_HOST", "");

const t = useTestDatabase({ max: 20 });
let shop: Awaited<ReturnType<typeof seedShop>>;
let admin: () => ServiceContext;
const system = () => systemContext(t.db, "test");
const catalog = () => createCaller({ db: t.db, actor: { type: "anonymous" } }).catalog;
const expiresAt = () => new Date(Date.now() + 15 * 60_000);
let brandNumber = 0;

beforeAll(async () => {
  shop = await seedShop(t.db);
  const userId = await insertUser(t.db, "admin");
  admin = () => ({ db: t.db, actor: { type: "admin", userId } });
});

/** A product of its own brand, so the brand filter isolates it in facets and listings. */
async function product(stocks: { warehouseId: number; onHand: number }[][], optionValues: Record<string, string>[] = []) {
  const brand = `Brand ${++brandNumber}`;
  const inserted = await insertProduct(t.db, {
    categoryId: shop.categoryId,
    brand,
    variants: stocks.map((stock, i) => ({ stock, optionValues: optionValues[i] ?? {} })),
  });
  return { ...inserted, brand };
}

/** What a shopper sees: the in-stock facet count and whether the "in stock" filter lists it. */
async function shopperSees(brand: string) {
  const facets = await catalog().facets({ brands: [brand] });
  const listed = await catalog().listProducts({ brands: [brand], inStock: true });
  return { inStockCount: facets.inStockCount, listed: listed.items.length, card: (await catalog().listProducts({ brands: [brand] })).items[0]?.inStock };
}
const inStock = { inStockCount: 1, listed: 1, card: true };
const soldOut = { inStockCount: 0, listed: 0, card: false };

describe("products.stocked_levels (the in-stock facet and filter)", () => {
  it("follows reserve, release, commit and adjust", async () => {
    const p = await product([[{ warehouseId: shop.east, onHand: 1 }], [{ warehouseId: shop.west, onHand: 0 }]]);
    const [a, b] = p.variantIds as [number, number];
    expect(await shopperSees(p.brand)).toEqual(inStock);

    const first = await insertPendingOrder(t.db);
    await reserveStock(system(), { orderId: first, expiresAt: expiresAt(), lines: [{ variantId: a, quantity: 1 }] });
    expect(await shopperSees(p.brand)).toEqual(soldOut);
    await releaseStock(system(), { orderId: first, reason: "expired" });
    expect(await shopperSees(p.brand)).toEqual(inStock);

    const second = await insertPendingOrder(t.db);
    await reserveStock(system(), { orderId: second, expiresAt: expiresAt(), lines: [{ variantId: a, quantity: 1 }] });
    await commitStock(system(), { orderId: second });
    expect(await shopperSees(p.brand)).toEqual(soldOut);

    await adjustStock(admin(), { variantId: b, warehouseId: shop.west, delta: 3, reason: "received" });
    expect(await shopperSees(p.brand)).toEqual(inStock);
    await transferStock(admin(), { variantId: b, fromWarehouseId: shop.west, toWarehouseId: shop.east, quantity: 3 });
    expect(await shopperSees(p.brand)).toEqual(inStock);
    await adjustStock(admin(), { variantId: b, warehouseId: shop.east, delta: -3, reason: "damaged" });
    expect(await shopperSees(p.brand)).toEqual(soldOut);
    expect(await stockedLevelsDrift(t.db)).toEqual([]);
  });

  it("does not count a deactivated warehouse's stock", async () => {
    const p = await product([[{ warehouseId: shop.west, onHand: 4 }]]);
    const west = { id: shop.west, name: "West" };
    await updateWarehouse(admin(), { ...west, active: false });
    expect(await shopperSees(p.brand)).toEqual(soldOut);
    await updateWarehouse(admin(), { ...west, active: true });
    expect(await shopperSees(p.brand)).toEqual(inStock);
    expect(await stockedLevelsDrift(t.db)).toEqual([]);
  });

  it("forgets a deleted variant's stock", async () => {
    const p = await product([[{ warehouseId: shop.east, onHand: 2 }], [{ warehouseId: shop.east, onHand: 0 }]]);
    await t.db.delete(variants).where(eq(variants.id, p.variantIds[0]!));
    expect(await shopperSees(p.brand)).toEqual(soldOut);
    expect(await stockedLevelsDrift(t.db)).toEqual([]);
  });

  it("stays exact when checkouts sell out and release a product's variants at the same time", async () => {
    const p = await product(Array.from({ length: 8 }, () => [{ warehouseId: shop.east, onHand: 1 }, { warehouseId: shop.west, onHand: 1 }]));
    const orders = await Promise.all(p.variantIds.flatMap(() => [insertPendingOrder(t.db), insertPendingOrder(t.db)]));
    const reserve = (orderId: string, variantId: number) => reserveStock(system(), { orderId, expiresAt: expiresAt(), lines: [{ variantId, quantity: 1 }] });
    // Two orders per variant, one per warehouse's unit: 16 checkouts, each taking a product's stocked row to zero.
    await Promise.all(p.variantIds.flatMap((variantId, i) => [reserve(orders[2 * i]!, variantId), reserve(orders[2 * i + 1]!, variantId)]));
    expect(await shopperSees(p.brand)).toEqual(soldOut);

    await Promise.all(orders.map((orderId, i) => (i % 2 ? releaseStock(system(), { orderId, reason: "expired" }) : commitStock(system(), { orderId }))));
    expect(await shopperSees(p.brand)).toEqual(inStock);
    const [row] = await t.db.execute<{ n: number }>(sql`select stocked_levels as n from products where id = ${p.id}`);
    expect(row!.n).toBe(8);
    expect(await stockedLevelsDrift(t.db)).toEqual([]);
  });
});

describe("product_option_values (the option facets)", () => {
  it("follows the variants' options and the product's visibility", async () => {
    const p = await product([[{ warehouseId: shop.east, onHand: 1 }]], [{ colour: "Ochre" }]);
    const colours = async () => (await catalog().facets({ brands: [p.brand] })).options.find((o) => o.name === "colour")?.values ?? [];
    expect(await colours()).toEqual([{ value: "Ochre", count: 1 }]);

    await t.db.update(variants).set({ optionValues: { colour: "Umber" } }).where(eq(variants.id, p.variantIds[0]!));
    expect(await colours()).toEqual([{ value: "Umber", count: 1 }]);
    expect((await catalog().facets({})).options.find((o) => o.name === "colour")?.values).toContainEqual({ value: "Umber", count: 1 });

    await t.db.execute(sql`update products set status = 'draft' where id = ${p.id}`);
    expect((await catalog().facets({})).options.find((o) => o.name === "colour")?.values ?? []).not.toContainEqual({ value: "Umber", count: 1 });
    await t.db.execute(sql`update products set status = 'active' where id = ${p.id}`);
    expect(await colours()).toEqual([{ value: "Umber", count: 1 }]);
    await t.db.delete(variants).where(eq(variants.id, p.variantIds[0]!));
    expect(await colours()).toEqual([]);

    // The unfiltered counts (option_value_counts, kept by triggers) equal a recount after all of the above.
    const recount = await t.db.execute<{ name: string; value: string; count: number }>(sql`
      select name, value, count(*)::int as count from product_option_values group by name, value order by name, count desc, value`);
    const byName = new Map<string, { value: string; count: number }[]>();
    for (const { name, value, count } of recount) byName.set(name, [...(byName.get(name) ?? []), { value, count }]);
    expect((await catalog().facets({})).options).toEqual([...byName].map(([name, values]) => ({ name, values })));
  });
});
