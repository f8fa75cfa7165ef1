import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedShop, stockOf } from "@/server/checkout/checkout-test-fixtures";
import { createSimulatorProvider } from "@/server/payments/simulator-provider";
import { useTestDatabase } from "@/test/db";
import { replayHandler } from "../replay-test-kit";
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

const placedEvent = (orderId: string) => ({ name: "shop/order.placed", data: { orderId }, id: `placed-${orderId}` });
const sagaSteps = (orderId: string): OrderSteps => ({ step: scriptedStep().step, ctx: deps.context("test"), orderId, source: "saga", runId: crypto.randomUUID() });
/** The order events in the outbox for this order, by name. */
const outboxNames = async (orderId: string) =>
  (await t.db.execute<{ name: string }>(sql`select name from outbox where data->>'orderId' = ${orderId} order by seq`)).map((row) => row.name);
/** The order's state without the saga's own journal rows, which every run adds. */
const effects = async (orderId: string, variantId: number) => {
  const state = await snapshot(t.db, orderId, variantId);
  return { ...state, timeline: state.timeline.filter((type) => !type.startsWith("saga:")) };
};

describe("checkout saga: a step failing for good runs the compensations of the steps before it", () => {
  it.each([
    { failAt: "load-order", paid: false },
    { failAt: "wait-for-order-paid", paid: false },
    { failAt: "read-order", paid: false },
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
    expect(scripted.ids.slice(-2)).toEqual(paid ? ["cancel-order", "refund-payment"] : ["cancel-payment", "cancel-order"]);
    const announced = ["shop/order.placed", "shop/order.cancelled", ...(paid ? ["shop/order.refunded"] : [])];
    expect((await outboxNames(orderId)).filter((name) => name.startsWith("shop/order."))).toEqual(announced);

    const settled = await effects(orderId, variantId);
    await cancelOrder(sagaSteps(orderId), "again", { paid });
    await cancelOrder(sagaSteps(orderId), "and again", { paid });
    expect(await effects(orderId, variantId)).toEqual(settled);
  });

  it("a failure before the outcome is read, with the money already taken, completes the order instead of refunding it", async () => {
    const { orderId, variantId } = await placed(true);
    const scripted = scriptedStep({ failAt: "read-order" });

    expect(await runCheckoutSaga({ event: placedEvent(orderId), step: scripted.step }, deps)).toBe("paid");

    const after = await snapshot(t.db, orderId, variantId);
    expect(after.stock).toEqual({ levels: [{ warehouseId: shop.east, onHand: 0, reserved: 0 }, { warehouseId: shop.west, onHand: 1, reserved: 0 }], activeReserved: 0 });
    expect(after.refunds.count).toBe(0);
    expect((await outboxNames(orderId)).filter((name) => name.startsWith("shop/order."))).toEqual(["shop/order.placed", "shop/order.paid"]);
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

  it("driven through Inngest's replays, the saga performs each step once and ends as a straight run does", async () => {
    const { orderId, variantId, before } = await placed(false);
    const scripted = scriptedStep();

    const replayed = await replayHandler((step) => runCheckoutSaga({ event: placedEvent(orderId), step }, deps), scripted.step);

    expect(replayed).toMatchObject({ output: "cancelled", performed: scripted.ids });
    expect(replayed.invocations).toBeGreaterThan(3);
    expect(new Set(scripted.ids).size).toBe(scripted.ids.length);
    const after = await snapshot(t.db, orderId, variantId);
    expect(after).toMatchObject({ order: { status: "cancelled" }, payment: "cancelled", stock: before });
    expect(after.timeline.filter((type) => type.startsWith("saga:"))).toEqual(["saga:load-order", "saga:read-order", "saga:cancel-payment", "saga:cancel-order"]);
  });

  it("a step retried after its work committed writes its timeline row once", async () => {
    const { orderId, variantId } = await placed(false);
    const s = sagaSteps(orderId);
    const twice: typeof s = { ...s, step: { ...s.step, run: async (id, fn) => (await fn(), fn()) } };

    await cancelOrder(twice, "retried");

    const timeline = (await snapshot(t.db, orderId, variantId)).timeline;
    expect(timeline.filter((type) => type === "saga:cancel-payment")).toHaveLength(1);
    expect(timeline.filter((type) => type === "saga:cancel-order")).toHaveLength(1);
  });
});
