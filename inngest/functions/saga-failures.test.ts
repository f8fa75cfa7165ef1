import { beforeAll, describe, expect, it } from "vitest";
import { seedShop, stockOf } from "@/server/checkout/checkout-test-fixtures";
import { createSimulatorProvider } from "@/server/payments/simulator-provider";
import { useTestDatabase } from "@/test/db";
import { runCheckoutSaga } from "./checkout-saga";
import type { FunctionDeps, OrderSteps } from "./order-state";
import { checkout, reportPayment, scriptedStep, snapshot, stockedVariant } from "./saga-test-kit";
import { cancelOrder } from "./settle-order";

const t = useTestDatabase({ max: 10 });
const simulator = createSimulatorProvider();
const deps: FunctionDeps = { context: (job) => ({ db: t.db, actor: { type: "system", name: job }, payments: simulator }) };
let shop: Awaited<ReturnType<typeof seedShop>>;

beforeAll(async () => {
  shop = await seedShop(t.db);
});

/** An order for 3 units at 2500 (7500, shipping free) split over both warehouses, its payment open (taken when `paid`), and the stock before it. */
async function placed(paid: boolean) {
  const variantId = await stockedVariant(t.db, shop, { east: 2, west: 2 });
  const before = await stockOf(t.db, variantId);
  const { orderId } = await checkout(t.db, simulator, { variantId, quantity: 3 });
  if (paid) await reportPayment(t.db, orderId, "succeeded");
  return { orderId, variantId, before };
}

const placedEvent = (orderId: string) => ({ name: "shop/order.placed", data: { orderId } });
const sagaSteps = (orderId: string): OrderSteps => ({ step: scriptedStep().step, ctx: deps.context("test"), orderId, source: "saga" });
/** The order's state without the saga's own journal rows, which every run adds. */
const effects = async (orderId: string, variantId: number) => {
  const state = await snapshot(t.db, orderId, variantId);
  return { ...state, timeline: state.timeline.filter((type) => !type.startsWith("saga:")) };
};

describe("checkout saga: a step failing for good runs the compensations of the steps before it", () => {
  it.each([
    { failAt: "load-order", paid: false },
    { failAt: "wait-for-payment-succeeded", paid: false },
    { failAt: "read-payment-status", paid: false },
    { failAt: "complete-order", paid: true },
  ])("failure at $failAt (payment taken: $paid): stock and reservations back exactly, payment undone, a compensation run twice changes nothing", async ({ failAt, paid }) => {
    const { orderId, variantId, before } = await placed(paid);
    const scripted = scriptedStep({ failAt });

    expect(await runCheckoutSaga({ event: placedEvent(orderId), step: scripted.step }, deps)).toBe("cancelled");

    const after = await snapshot(t.db, orderId, variantId);
    expect(after.stock).toEqual(before);
    expect(after.order).toMatchObject({ status: "cancelled", cancelReason: expect.stringContaining(`scripted failure at ${failAt}`) });
    expect(after.payment).toBe(paid ? "refunded" : "cancelled");
    expect(after.refunds).toEqual(paid ? { count: 1, amount: 7500 } : { count: 0, amount: 0 });
    expect(scripted.ids.slice(-3)).toEqual(paid ? ["cancel-order", "refund-payment", "send-order-cancelled"] : ["cancel-payment", "cancel-order", "send-order-cancelled"]);
    expect(scripted.sent).toEqual([{ name: "shop/order.cancelled", data: { orderId, reason: after.order.cancelReason }, id: `order-cancelled-${orderId}` }]);

    const settled = await effects(orderId, variantId);
    await cancelOrder(sagaSteps(orderId), "again", { paid });
    await cancelOrder(sagaSteps(orderId), "and again", { paid });
    expect(await effects(orderId, variantId)).toEqual(settled);
  });

  it("a failure before the outcome is read, with the money already taken, completes the order instead of refunding it", async () => {
    const { orderId, variantId } = await placed(true);
    const scripted = scriptedStep({ failAt: "read-payment-status" });

    expect(await runCheckoutSaga({ event: placedEvent(orderId), step: scripted.step }, deps)).toBe("paid");

    const after = await snapshot(t.db, orderId, variantId);
    expect(after.stock).toEqual({ levels: [{ warehouseId: shop.east, onHand: 0, reserved: 0 }, { warehouseId: shop.west, onHand: 1, reserved: 0 }], activeReserved: 0 });
    expect(after.refunds.count).toBe(0);
    expect(scripted.sent.map((e) => e.name)).toEqual(["shop/order.paid"]);
  });

  it("failure at cancel-payment: the order is still cancelled and its stock released, and the run fails loudly", async () => {
    const { orderId, variantId, before } = await placed(false);
    const saga = runCheckoutSaga({ event: placedEvent(orderId), step: scriptedStep({ failAt: "cancel-payment" }).step }, deps);

    await expect(saga).rejects.toThrow(/order cancelled, but its payment could not be cancelled: scripted failure at cancel-payment/);
    const after = await snapshot(t.db, orderId, variantId);
    expect(after).toMatchObject({ order: { status: "cancelled" }, payment: "awaiting", stock: before });

    await cancelOrder(sagaSteps(orderId), "retry");
    expect((await snapshot(t.db, orderId, variantId)).payment).toBe("cancelled");
  });

  it("failure at send-order-paid: a sale is not undone for a lost announcement; the order stays paid and the run fails", async () => {
    const { orderId, variantId } = await placed(true);
    const saga = runCheckoutSaga({ event: placedEvent(orderId), step: scriptedStep({ failAt: "send-order-paid" }).step }, deps);

    await expect(saga).rejects.toThrow(/scripted failure at send-order-paid/);
    const after = await snapshot(t.db, orderId, variantId);
    expect(after).toMatchObject({ order: { status: "paid" }, payment: "succeeded", refunds: { count: 0 } });
    expect(after.stock.activeReserved).toBe(0);
  });
});
