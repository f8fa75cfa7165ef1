import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { systemContext } from "../context";
import { DomainError } from "../errors";
import { insertPendingOrder, insertVariant, seedShop, stockOf } from "../checkout/checkout-test-fixtures";
import { releaseStock, reserveStock } from "./reserve-stock";

const t = useTestDatabase();
let shop: Awaited<ReturnType<typeof seedShop>>;
const ctx = () => systemContext(t.db, "test");
const expiresAt = () => new Date(Date.now() + 15 * 60_000);

beforeAll(async () => {
  shop = await seedShop(t.db);
});

async function ledger(orderId: string) {
  return [
    ...(await t.db.execute<{ variantId: number; warehouseId: number; onHand: number; reserved: number; reason: string }>(sql`
      select variant_id as "variantId", warehouse_id as "warehouseId", on_hand_delta as "onHand", reserved_delta as reserved, reason
        from stock_movements where order_id = ${orderId} order by id`)),
  ];
}

describe("reserveStock", () => {
  it("sums a variant's lines and takes from the warehouse with the most available first", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, {
      stock: [
        { warehouseId: shop.east, onHand: 3 },
        { warehouseId: shop.west, onHand: 5 },
      ],
    });
    const orderId = await insertPendingOrder(t.db);
    await reserveStock(ctx(), { orderId, expiresAt: expiresAt(), lines: [{ variantId, quantity: 4 }, { variantId, quantity: 3 }] });

    const stock = await stockOf(t.db, variantId);
    expect(stock.levels).toEqual([
      { warehouseId: shop.east, onHand: 3, reserved: 2 },
      { warehouseId: shop.west, onHand: 5, reserved: 5 },
    ]);
    expect(stock.activeReserved).toBe(7);
    expect(await ledger(orderId)).toEqual([
      { variantId, warehouseId: shop.west, onHand: 0, reserved: 5, reason: "reserve" },
      { variantId, warehouseId: shop.east, onHand: 0, reserved: 2, reason: "reserve" },
    ]);
  });

  it("refuses demand above the stock of all warehouses together, naming every short line, and writes nothing", async () => {
    const shirt = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 2 }, { warehouseId: shop.west, onHand: 1 }] });
    const mug = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 0 }] });
    const plenty = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 50 }] });
    const orderId = await insertPendingOrder(t.db);

    const error = await t.db
      .transaction((tx) =>
        reserveStock(
          { ...ctx(), db: tx, inTransaction: true },
          {
            orderId,
            expiresAt: expiresAt(),
            lines: [
              { variantId: plenty, quantity: 1, label: "Plenty" },
              { variantId: shirt, quantity: 2, label: "Shirt / M" },
              { variantId: shirt, quantity: 2, label: "Shirt / M" },
              { variantId: mug, quantity: 1, label: "Mug" },
            ],
          },
        ),
      )
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe("OutOfStock");
    expect((error as DomainError).message).toBe("Not enough stock: only 3 of Shirt / M left (you asked for 4); Mug is sold out");
    expect(Object.keys((error as DomainError).fieldErrors ?? {})).toEqual([`variants.${shirt}`, `variants.${mug}`]);
    for (const variantId of [shirt, mug, plenty]) expect((await stockOf(t.db, variantId)).levels.every((l) => l.reserved === 0)).toBe(true);
    expect(await ledger(orderId)).toEqual([]);
  });

  it("treats a variant without any stock row as sold out", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { stock: [] });
    const orderId = await insertPendingOrder(t.db);
    await expect(reserveStock(ctx(), { orderId, expiresAt: expiresAt(), lines: [{ variantId, quantity: 1 }] })).rejects.toMatchObject({
      kind: "OutOfStock",
      message: `Not enough stock: variant ${variantId} is sold out`,
    });
  });
});

describe("releaseStock", () => {
  it("gives every reserved unit back once; a second release changes nothing", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 4 }, { warehouseId: shop.west, onHand: 4 }] });
    const orderId = await insertPendingOrder(t.db);
    const before = await stockOf(t.db, variantId);
    await reserveStock(ctx(), { orderId, expiresAt: expiresAt(), lines: [{ variantId, quantity: 6 }] });

    expect(await releaseStock(ctx(), { orderId, reason: "payment declined" })).toEqual({ released: 2 });
    expect(await stockOf(t.db, variantId)).toEqual(before);
    expect(await releaseStock(ctx(), { orderId, reason: "payment declined" })).toEqual({ released: 0 });
    expect(await stockOf(t.db, variantId)).toEqual(before);

    const moves = await ledger(orderId);
    expect(moves.filter((m) => m.reason === "release: payment declined").map((m) => m.reserved).sort()).toEqual([-2, -4]);
    expect(moves).toHaveLength(4);
  });

  it("two concurrent releases of the same order give the stock back exactly once", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 5 }] });
    const orderId = await insertPendingOrder(t.db);
    await reserveStock(ctx(), { orderId, expiresAt: expiresAt(), lines: [{ variantId, quantity: 3 }] });

    const results = await Promise.all([releaseStock(ctx(), { orderId, reason: "expired" }), releaseStock(ctx(), { orderId, reason: "expired" })]);
    expect(results.map((r) => r.released).sort()).toEqual([0, 1]);
    expect((await stockOf(t.db, variantId)).levels).toEqual([{ warehouseId: shop.east, onHand: 5, reserved: 0 }]);
  });
});
