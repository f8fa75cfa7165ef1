import { sql } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedShop } from "@/server/checkout/checkout-test-fixtures";
import { createSimulatorProvider } from "@/server/payments/simulator-provider";
import { useTestDatabase } from "@/test/db";
import { checkout, installTestRunner, reportPayment, snapshot, stockedVariant } from "./saga-test-kit";

const t = useTestDatabase({ max: 20 });
const simulator = createSimulatorProvider();
let shop: Awaited<ReturnType<typeof seedShop>>;
let kit: Awaited<ReturnType<typeof installTestRunner>>;

beforeAll(async () => {
  shop = await seedShop(t.db);
});
beforeEach(async () => {
  kit = await installTestRunner(t.db, simulator);
});
afterEach(() => kit.stop());

const announced = (name: string, orderId: string) => kit.events.filter((e) => e.name === name && e.data.orderId === orderId);
const sweeps = () => kit.runner.runs.filter((r) => r.functionId === "expire-reservations").length;

describe("checkout saga on the in-process runner, fed by the outbox", () => {
  it("payment succeeded: the order is paid, its stock committed and shop/order.paid announced once", async () => {
    const variantId = await stockedVariant(t.db, shop, { east: 5, west: 0 });
    const { orderId } = await checkout(t.db, simulator, { variantId, quantity: 2 });
    await kit.settled();
    expect((await snapshot(t.db, orderId, variantId)).stock.activeReserved).toBe(2);

    await reportPayment(t.db, orderId, "succeeded");
    await kit.idle();

    const after = await snapshot(t.db, orderId, variantId);
    expect(after.order).toMatchObject({ status: "paid", paymentStatus: "succeeded" });
    expect(after.stock).toEqual({ levels: [{ warehouseId: shop.east, onHand: 3, reserved: 0 }, { warehouseId: shop.west, onHand: 0, reserved: 0 }], activeReserved: 0 });
    expect(after.timeline).toEqual(["placed", "saga:load-order", "payment_succeeded", "paid", "saga:complete-order", "saga:read-order"]);
    expect(announced("shop/order.paid", orderId)).toHaveLength(1);
    expect(kit.failed).toEqual([]);
  });

  it("a decline leaves the order pending with its stock held; another card's success then pays it: one paid order, one committed reservation", async () => {
    const variantId = await stockedVariant(t.db, shop, { east: 1, west: 2 });
    const { orderId } = await checkout(t.db, simulator, { variantId, quantity: 3 });
    await kit.settled();

    await reportPayment(t.db, orderId, "failed");
    await kit.settled();
    const declined = await snapshot(t.db, orderId, variantId);
    expect(declined.order).toMatchObject({ status: "pending", paymentStatus: "failed" });
    expect(declined.stock.activeReserved).toBe(3);

    await reportPayment(t.db, orderId, "succeeded");
    await kit.idle();
    const after = await snapshot(t.db, orderId, variantId);
    expect(after.order).toMatchObject({ status: "paid", paymentStatus: "succeeded" });
    expect(after.stock).toEqual({ levels: [{ warehouseId: shop.east, onHand: 0, reserved: 0 }, { warehouseId: shop.west, onHand: 0, reserved: 0 }], activeReserved: 0 });
    const [reservations] = await t.db.execute<{ committed: number; other: number }>(sql`
      select count(*) filter (where status = 'committed')::int as committed, count(*) filter (where status <> 'committed')::int as other
        from stock_reservations where order_id = ${orderId}`);
    expect(reservations).toEqual({ committed: 2, other: 0 });
    expect(announced("shop/order.paid", orderId)).toHaveLength(1);
  });

  it("decline and walk away: at expiry the payment is cancelled, the order cancelled with a reason and the stock back exactly", async () => {
    const variantId = await stockedVariant(t.db, shop, { east: 1, west: 2 });
    const before = (await snapshot(t.db, crypto.randomUUID(), variantId)).stock;
    const { orderId } = await checkout(t.db, simulator, { variantId, quantity: 3 }, 400);
    await reportPayment(t.db, orderId, "failed");
    await kit.idle();

    const after = await snapshot(t.db, orderId, variantId);
    expect(after.order).toEqual({ status: "cancelled", paymentStatus: "cancelled", cancelReason: "payment declined" });
    expect(after.stock).toEqual(before);
    expect(announced("shop/order.cancelled", orderId)).toHaveLength(1);
    expect(announced("shop/order.paid", orderId)).toHaveLength(0);
  });

  it("no payment before the reservation expires: the order is cancelled at expiry and its stock released", async () => {
    const variantId = await stockedVariant(t.db, shop, { east: 4, west: 0 });
    const before = (await snapshot(t.db, crypto.randomUUID(), variantId)).stock;
    const { orderId } = await checkout(t.db, simulator, { variantId, quantity: 4 }, 300);
    await kit.idle();

    const after = await snapshot(t.db, orderId, variantId);
    expect(after.order).toMatchObject({ status: "cancelled", cancelReason: "payment not received before the reservation expired" });
    expect(after.payment).toBe("cancelled");
    expect(after.stock).toEqual(before);
  });

  it.each([
    ["before the saga has started", async () => {}],
    ["while the saga loads the order", async () => kit.relay.wake()],
    ["after the saga began waiting", async () => kit.settled()],
  ])("a success that arrives %s completes the order at once, without the sweeper", async (_when, beforePayment) => {
    const variantId = await stockedVariant(t.db, shop, { east: 2, west: 0 });
    const { orderId } = await checkout(t.db, simulator, { variantId, quantity: 1 });
    await beforePayment();
    await reportPayment(t.db, orderId, "succeeded");
    await kit.idle();

    expect((await snapshot(t.db, orderId, variantId)).order.status).toBe("paid");
    expect(sweeps()).toBe(0);
    expect(announced("shop/order.paid", orderId)).toHaveLength(1);
  });

  it("shop/order.placed sent three times under its outbox id starts one saga, which settles the order once", async () => {
    const variantId = await stockedVariant(t.db, shop, { east: 3, west: 0 });
    const { orderId } = await checkout(t.db, simulator, { variantId, quantity: 1 });
    await kit.settled();
    const [row] = await t.db.execute<{ id: string }>(sql`select id from outbox where name = 'shop/order.placed' and data->>'orderId' = ${orderId}`);
    await Promise.all([1, 2].map(() => kit.runner.emit({ name: "shop/order.placed", data: { orderId }, id: row!.id })));
    await reportPayment(t.db, orderId, "succeeded");
    await kit.idle();

    expect(kit.runner.runs.filter((r) => r.functionId === "checkout-saga")).toHaveLength(1);
    const after = await snapshot(t.db, orderId, variantId);
    expect(after.timeline.filter((type) => type === "paid")).toHaveLength(1);
    expect(after.stock.levels[0]).toEqual({ warehouseId: shop.east, onHand: 2, reserved: 0 });
  });
});
