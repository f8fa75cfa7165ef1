import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { insertUser, setSigningEnv } from "../orders/test-fixtures";
import { insertPendingOrder, insertVariant, seedShop, stockOf } from "../checkout/checkout-test-fixtures";
import { outboxEvents } from "../events/test-outbox";
import type { ServiceContext } from "../context";
import { adjustStock, setOnHand } from "./adjust-stock";
import { transferStock } from "./transfer-stock";

const t = useTestDatabase();
let shop: Awaited<ReturnType<typeof seedShop>>;
let admin: () => ServiceContext;

beforeAll(async () => {
  setSigningEnv();
  shop = await seedShop(t.db);
  const userId = await insertUser(t.db, "admin");
  admin = () => ({ db: t.db, actor: { type: "admin", userId } });
});

async function ledger(variantId: number) {
  return [
    ...(await t.db.execute<{ warehouseId: number; onHand: number; reason: string; note: string | null; actorId: string | null }>(sql`
      select warehouse_id as "warehouseId", on_hand_delta as "onHand", reason, note, actor_id as "actorId"
        from stock_movements where variant_id = ${variantId} order by id`)),
  ];
}

describe("adjustStock and setOnHand", () => {
  it("move on hand with a ledger row naming who and why, after the opening balance", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 10 }] });
    await adjustStock(admin(), { variantId, warehouseId: shop.east, delta: 5, reason: "received", note: "PO 118" });
    await adjustStock(admin(), { variantId, warehouseId: shop.east, delta: -2, reason: "damaged" });
    expect(await setOnHand(admin(), { variantId, warehouseId: shop.east, onHand: 11, reason: "count correction" })).toMatchObject({ onHand: 11, reserved: 0 });
    const actorId = (admin().actor as { userId: string }).userId;
    expect(await ledger(variantId)).toEqual([
      { warehouseId: shop.east, onHand: 10, reason: "opening balance", note: null, actorId: null },
      { warehouseId: shop.east, onHand: 5, reason: "received", note: "PO 118", actorId },
      { warehouseId: shop.east, onHand: -2, reason: "damaged", note: null, actorId },
      { warehouseId: shop.east, onHand: -2, reason: "count correction", note: null, actorId },
    ]);
    expect((await stockOf(t.db, variantId)).levels).toEqual([{ warehouseId: shop.east, onHand: 11, reserved: 0 }]);
  });

  it("refuse to take on hand below what is reserved, writing nothing", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 4 }] });
    const orderId = await insertPendingOrder(t.db);
    const { reserveStock } = await import("./reserve-stock");
    await reserveStock(admin(), { orderId, expiresAt: new Date(Date.now() + 60_000), lines: [{ variantId, quantity: 3 }] });
    await expect(adjustStock(admin(), { variantId, warehouseId: shop.east, delta: -2, reason: "lost" })).rejects.toMatchObject({ kind: "Conflict" });
    await expect(setOnHand(admin(), { variantId, warehouseId: shop.east, onHand: 2, reason: "count correction" })).rejects.toMatchObject({ kind: "Conflict" });
    expect((await stockOf(t.db, variantId)).levels).toEqual([{ warehouseId: shop.east, onHand: 4, reserved: 3 }]);
    expect((await ledger(variantId)).map((m) => m.reason)).toEqual(["opening balance", "reserve"]);
  });

  it("create the stock row of a warehouse the variant had none in; refuse an unknown warehouse as NotFound", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { stock: [] });
    await adjustStock(admin(), { variantId, warehouseId: shop.west, delta: 3, reason: "received" });
    expect((await stockOf(t.db, variantId)).levels).toEqual([{ warehouseId: shop.west, onHand: 3, reserved: 0 }]);
    await expect(adjustStock(admin(), { variantId, warehouseId: 999_999, delta: 3, reason: "received" })).rejects.toMatchObject({ kind: "NotFound" });
  });

  it("announce a variant back in stock when a restock lifts it from zero", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 0 }] });
    await adjustStock(admin(), { variantId, warehouseId: shop.east, delta: 2, reason: "received" });
    await adjustStock(admin(), { variantId, warehouseId: shop.east, delta: 2, reason: "received" });
    const events = (await outboxEvents(t.db)).filter((e) => e.name === "shop/variant.back-in-stock" && e.data.variantId === variantId);
    expect(events).toHaveLength(1);
  });
});

describe("transferStock", () => {
  it("moves units as two legs in one transaction, and refuses more than the unreserved units", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 6 }, { warehouseId: shop.west, onHand: 1 }] });
    await transferStock(admin(), { variantId, fromWarehouseId: shop.east, toWarehouseId: shop.west, quantity: 4, note: "rebalance" });
    expect((await stockOf(t.db, variantId)).levels).toEqual([
      { warehouseId: shop.east, onHand: 2, reserved: 0 },
      { warehouseId: shop.west, onHand: 5, reserved: 0 },
    ]);
    expect((await ledger(variantId)).slice(2).map((m) => [m.warehouseId, m.onHand, m.reason, m.note])).toEqual([
      [shop.east, -4, "transfer out", "rebalance"],
      [shop.west, 4, "transfer in", "rebalance"],
    ]);
    await expect(transferStock(admin(), { variantId, fromWarehouseId: shop.east, toWarehouseId: shop.west, quantity: 3 })).rejects.toMatchObject({ kind: "Conflict" });
    await expect(transferStock(admin(), { variantId, fromWarehouseId: shop.east, toWarehouseId: shop.east, quantity: 1 })).rejects.toMatchObject({ kind: "Invalid" });
    expect(await ledger(variantId)).toHaveLength(4);
  });
});
