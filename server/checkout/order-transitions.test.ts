import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { systemContext } from "../context";
import { cancelPendingOrder } from "./cancel-pending-order";
import { completeOrder } from "./complete-order";
import { createOrderFromCart } from "./create-order-from-cart";
import { insertGuestCarts, insertVariant, seedShop, stockOf } from "./checkout-test-fixtures";
import { createCarrierSimulator } from "@/server/shipping/carrier-simulator";

const t = useTestDatabase({ max: 20 });
let shop: Awaited<ReturnType<typeof seedShop>>;
const system = () => systemContext(t.db, "checkout-saga");

beforeAll(async () => {
  shop = await seedShop(t.db);
});

/** A pending order for 5 units of a variant stocked 2 east + 4 west, so its reservation spans both warehouses. */
async function pendingOrder() {
  const variantId = await insertVariant(t.db, shop.categoryId, {
    stock: [
      { warehouseId: shop.east, onHand: 2 },
      { warehouseId: shop.west, onHand: 4 },
    ],
  });
  const before = await stockOf(t.db, variantId);
  const [cartId] = await insertGuestCarts(t.db, 1, [{ variantId, quantity: 5 }]);
  const { orderId } = await createOrderFromCart({ db: t.db, actor: { type: "anonymous" }, guestCartId: cartId, carrier: createCarrierSimulator() }, { cartId: cartId! });
  return { orderId, variantId, before };
}

/** Everything a transition may touch: the order, its timeline, its reservations, the ledger and the stock. */
async function stateOf(orderId: string, variantId: number) {
  const [order] = await t.db.execute(sql`
    select status, cancel_reason as "cancelReason", paid_at is not null as paid, cancelled_at is not null as cancelled
      from orders where id = ${orderId}`);
  const events = await t.db.execute(sql`select type, detail from order_events where order_id = ${orderId} order by id`);
  const reservations = await t.db.execute(sql`select status, count(*)::int as n from stock_reservations where order_id = ${orderId} group by status`);
  const ledger = await t.db.execute(sql`
    select reason, on_hand_delta as "onHand", reserved_delta as reserved from stock_movements where order_id = ${orderId} order by reason, warehouse_id`);
  return { order, events: [...events], reservations: [...reservations], ledger: [...ledger], stock: await stockOf(t.db, variantId) };
}

describe("cancelPendingOrder", () => {
  it("cancels with its reason and puts stock and reserved back exactly; a second cancel and a late complete change nothing", async () => {
    const { orderId, variantId, before } = await pendingOrder();

    expect(await cancelPendingOrder(system(), { orderId, reason: "payment declined" })).toEqual({ orderId, status: "cancelled", changed: true });
    const after = await stateOf(orderId, variantId);
    expect(after.stock).toEqual(before);
    expect(after.order).toEqual({ status: "cancelled", cancelReason: "payment declined", paid: false, cancelled: true });
    expect(after.events).toEqual([
      { type: "placed", detail: "5 items, Ground shipping" },
      { type: "cancelled", detail: "payment declined" },
    ]);
    expect(after.reservations).toEqual([{ status: "released", n: 2 }]);
    expect(after.ledger.filter((m) => m.reason === "release: payment declined")).toHaveLength(2);

    expect(await cancelPendingOrder(system(), { orderId, reason: "expired" })).toEqual({ orderId, status: "cancelled", changed: false });
    expect(await completeOrder(system(), { orderId })).toEqual({ orderId, status: "cancelled", changed: false });
    expect(await stateOf(orderId, variantId)).toEqual(after);
  });
});

describe("completeOrder", () => {
  it("marks the order paid and drops on_hand and reserved with one ledger row per reservation; repeats change nothing", async () => {
    const { orderId, variantId } = await pendingOrder();

    expect(await completeOrder(system(), { orderId })).toEqual({ orderId, status: "paid", changed: true });
    const after = await stateOf(orderId, variantId);
    expect(after.stock).toEqual({
      levels: [
        { warehouseId: shop.east, onHand: 1, reserved: 0 },
        { warehouseId: shop.west, onHand: 0, reserved: 0 },
      ],
      activeReserved: 0,
    });
    expect(after.order).toEqual({ status: "paid", cancelReason: null, paid: true, cancelled: false });
    expect(after.events.map((e) => e.type)).toEqual(["placed", "paid"]);
    expect(after.reservations).toEqual([{ status: "committed", n: 2 }]);
    expect(after.ledger).toEqual([
      { reason: "commit", onHand: -1, reserved: -1 },
      { reason: "commit", onHand: -4, reserved: -4 },
      { reason: "reserve", onHand: 0, reserved: 1 },
      { reason: "reserve", onHand: 0, reserved: 4 },
    ]);

    expect(await completeOrder(system(), { orderId })).toEqual({ orderId, status: "paid", changed: false });
    expect(await cancelPendingOrder(system(), { orderId, reason: "expired" })).toEqual({ orderId, status: "paid", changed: false });
    expect(await stateOf(orderId, variantId)).toEqual(after);
  });

  it("racing with a cancel, exactly one of them wins and the stock matches the winner", async () => {
    for (let round = 0; round < 5; round++) {
      const { orderId, variantId, before } = await pendingOrder();
      const [completed, cancelled] = await Promise.all([
        completeOrder(system(), { orderId }),
        cancelPendingOrder(system(), { orderId, reason: "expired" }),
      ]);
      expect([completed.changed, cancelled.changed].filter(Boolean)).toHaveLength(1);
      expect(completed.status).toBe(cancelled.status);
      const { stock } = await stateOf(orderId, variantId);
      const sold = completed.changed ? 5 : 0;
      expect(stock.activeReserved).toBe(0);
      expect(stock.levels.reduce((n, l) => n + l.onHand, 0)).toBe(before.levels.reduce((n, l) => n + l.onHand, 0) - sold);
      expect(stock.levels.every((l) => l.reserved === 0)).toBe(true);
    }
  });
});

describe("order transitions", () => {
  it("are refused to shoppers and answer NOT_FOUND for an unknown order", async () => {
    const { orderId } = await pendingOrder();
    const shopper = { db: t.db, actor: { type: "shopper" as const, userId: "someone" } };
    await expect(completeOrder(shopper, { orderId })).rejects.toMatchObject({ kind: "Forbidden" });
    await expect(cancelPendingOrder(shopper, { orderId, reason: "x" })).rejects.toMatchObject({ kind: "Forbidden" });
    const unknown = crypto.randomUUID();
    await expect(completeOrder(system(), { orderId: unknown })).rejects.toMatchObject({ kind: "NotFound" });
    await expect(cancelPendingOrder(system(), { orderId: unknown, reason: "x" })).rejects.toMatchObject({ kind: "NotFound" });
  });
});
