import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { insertPendingOrder, insertVariant, seedShop, stockOf } from "../checkout/checkout-test-fixtures";
import type { ServiceContext } from "../context";
import { setSigningEnv } from "../orders/test-fixtures";
import { adjustStock } from "./adjust-stock";
import { listStockLevels } from "./list-stock-levels";
import { listStockMovements } from "./list-stock-movements";
import { reserveStock } from "./reserve-stock";
import { createWarehouse, updateWarehouse } from "./warehouses";

const t = useTestDatabase();
let shop: Awaited<ReturnType<typeof seedShop>>;
const admin = (): ServiceContext => ({ db: t.db, actor: { type: "admin", userId: "wh-admin" } });

beforeAll(async () => {
  setSigningEnv();
  shop = await seedShop(t.db);
});

describe("warehouses", () => {
  it("a new warehouse gets an empty stock row per variant; its code is unique", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 2 }] });
    const north = await createWarehouse(admin(), { code: "north", name: "North" });
    expect((await stockOf(t.db, variantId)).levels).toContainEqual({ warehouseId: north.id, onHand: 0, reserved: 0 });
    await expect(createWarehouse(admin(), { code: "north", name: "Other" })).rejects.toMatchObject({ kind: "Conflict" });
    expect(await updateWarehouse(admin(), { id: north.id, name: "North (Leeds)", active: true })).toMatchObject({ name: "North (Leeds)" });
    await expect(updateWarehouse(admin(), { id: 999_999, name: "X", active: true })).rejects.toMatchObject({ kind: "NotFound" });
  });

  it("a deactivated warehouse takes no new reservations, and takes them again once reactivated", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 0 }, { warehouseId: shop.west, onHand: 3 }] });
    await updateWarehouse(admin(), { id: shop.west, name: "West", active: false });
    const reserve = async () => reserveStock(admin(), { orderId: await insertPendingOrder(t.db), expiresAt: new Date(Date.now() + 60_000), lines: [{ variantId, quantity: 1 }] });
    await expect(reserve()).rejects.toMatchObject({ kind: "OutOfStock" });
    await updateWarehouse(admin(), { id: shop.west, name: "West", active: true });
    await reserve();
    expect((await stockOf(t.db, variantId)).levels).toContainEqual({ warehouseId: shop.west, onHand: 3, reserved: 1 });
  });
});

describe("listing stock", () => {
  it("filters to low or sold-out variants and one warehouse, searched by SKU, with bounds on the page", async () => {
    const low = await insertVariant(t.db, shop.categoryId, { title: "Lowish lamp", stock: [{ warehouseId: shop.east, onHand: 2 }, { warehouseId: shop.west, onHand: 1 }] });
    const out = await insertVariant(t.db, shop.categoryId, { title: "Gone lamp", stock: [{ warehouseId: shop.east, onHand: 0 }, { warehouseId: shop.west, onHand: 0 }] });
    const plenty = await insertVariant(t.db, shop.categoryId, { title: "Plenty lamp", stock: [{ warehouseId: shop.east, onHand: 40 }, { warehouseId: shop.west, onHand: 0 }] });
    const ids = (items: { variantId: number }[]) => [...new Set(items.map((i) => i.variantId))].filter((id) => [low, out, plenty].includes(id));
    expect(ids((await listStockLevels(admin(), { filter: "low", page: 1, pageSize: 100 })).items)).toEqual(expect.arrayContaining([low, out]));
    expect(ids((await listStockLevels(admin(), { filter: "low", page: 1, pageSize: 100 })).items)).not.toContain(plenty);
    expect(ids((await listStockLevels(admin(), { filter: "out", page: 1, pageSize: 100 })).items)).toEqual([out]);
    const west = await listStockLevels(admin(), { q: "plenty", warehouseId: shop.west, page: 1, pageSize: 100 });
    expect(west.items.map((i) => [i.variantId, i.warehouseId, i.onHand, i.available, i.variantAvailable])).toEqual([[plenty, shop.west, 0, 0, 40]]);
    const page = await listStockLevels(admin(), { page: 2, pageSize: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThan(2);
  });

  it("shows a variant's movements newest first with who and why, a page at a time", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 5 }] });
    await adjustStock(admin(), { variantId, warehouseId: shop.east, delta: 3, reason: "received", note: "delivery 42" });
    await adjustStock(admin(), { variantId, warehouseId: shop.east, delta: -1, reason: "damaged" });
    const first = await listStockMovements(admin(), { variantId, limit: 2 });
    expect(first.items.map((m) => [m.onHandDelta, m.reason, m.note, m.actorId])).toEqual([
      [-1, "damaged", null, "wh-admin"],
      [3, "received", "delivery 42", "wh-admin"],
    ]);
    const rest = await listStockMovements(admin(), { variantId, limit: 2, before: first.nextBefore! });
    expect(rest.items.map((m) => m.reason)).toEqual(["opening balance"]);
    expect(rest.nextBefore).toBeNull();
  });
});
