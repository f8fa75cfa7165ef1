import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { systemContext } from "../context";
import { insertPendingOrder, insertVariant, seedShop, stockOf } from "../checkout/checkout-test-fixtures";
import { commitStock } from "./commit-stock";
import { releaseStock, reserveStock } from "./reserve-stock";

const t = useTestDatabase();
const ctx = () => systemContext(t.db, "test");

describe("commitStock", () => {
  it("drops on_hand and reserved by the reserved quantities with one ledger row each, once", async () => {
    const shop = await seedShop(t.db);
    const variantId = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 2 }, { warehouseId: shop.west, onHand: 3 }] });
    const orderId = await insertPendingOrder(t.db);
    await reserveStock(ctx(), { orderId, expiresAt: new Date(Date.now() + 60_000), lines: [{ variantId, quantity: 4 }] });

    expect(await commitStock(ctx(), { orderId })).toEqual({ committed: 2 });
    expect(await commitStock(ctx(), { orderId })).toEqual({ committed: 0 });
    expect(await releaseStock(ctx(), { orderId, reason: "too late" })).toEqual({ released: 0 });

    expect(await stockOf(t.db, variantId)).toEqual({
      levels: [
        { warehouseId: shop.east, onHand: 1, reserved: 0 },
        { warehouseId: shop.west, onHand: 0, reserved: 0 },
      ],
      activeReserved: 0,
    });
    const commits = await t.db.execute<{ onHand: number; reserved: number }>(sql`
      select on_hand_delta as "onHand", reserved_delta as reserved from stock_movements
       where order_id = ${orderId} and reason = 'commit' order by on_hand_delta`);
    expect([...commits]).toEqual([
      { onHand: -3, reserved: -3 },
      { onHand: -1, reserved: -1 },
    ]);
    const statuses = await t.db.execute<{ status: string }>(sql`select status from stock_reservations where order_id = ${orderId}`);
    expect(statuses.map((r) => r.status)).toEqual(["committed", "committed"]);
  });
});
