import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { systemContext } from "../context";
import { outboxEvents } from "../events/test-outbox";
import { insertPendingOrder, insertVariant, seedShop } from "../checkout/checkout-test-fixtures";
import { releaseStock, reserveStock } from "./reserve-stock";

const t = useTestDatabase();
let shop: Awaited<ReturnType<typeof seedShop>>;
const ctx = () => systemContext(t.db, "test");
const expiresAt = () => new Date(Date.now() + 15 * 60_000);

beforeAll(async () => {
  shop = await seedShop(t.db);
});

async function backInStock(variantId: number) {
  return (await outboxEvents(t.db)).filter((e) => e.name === "shop/variant.back-in-stock" && e.data.variantId === variantId);
}

describe("releaseStock announces a variant back in stock", () => {
  it("when the release lifts its availability over every warehouse from 0, once per return", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 1 }, { warehouseId: shop.west, onHand: 1 }] });
    const orderId = await insertPendingOrder(t.db);
    await reserveStock(ctx(), { orderId, expiresAt: expiresAt(), lines: [{ variantId, quantity: 2 }] });
    expect(await backInStock(variantId)).toHaveLength(0);

    await releaseStock(ctx(), { orderId, reason: "expired" });
    await releaseStock(ctx(), { orderId, reason: "expired" });
    expect(await backInStock(variantId)).toEqual([{ name: "shop/variant.back-in-stock", data: { variantId } }]);
  });

  it("not while some units were still available elsewhere", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 1 }, { warehouseId: shop.west, onHand: 3 }] });
    const orderId = await insertPendingOrder(t.db);
    await reserveStock(ctx(), { orderId, expiresAt: expiresAt(), lines: [{ variantId, quantity: 2 }] });
    await releaseStock(ctx(), { orderId, reason: "expired" });
    expect(await backInStock(variantId)).toHaveLength(0);
  });
});
