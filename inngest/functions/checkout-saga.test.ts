import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedShop } from "@/server/checkout/checkout-test-fixtures";
import { createSimulatorProvider } from "@/server/payments/simulator-provider";
import { useTestDatabase } from "@/test/db";
import { installRunner } from "../runner";
import { emitEvent } from "../send";
import { checkout, installTestRunner, reportPayment, snapshot, stockedVariant } from "./saga-test-kit";

const t = useTestDatabase({ max: 20 });
const simulator = createSimulatorProvider();
let shop: Awaited<ReturnType<typeof seedShop>>;
let kit: ReturnType<typeof installTestRunner>;

beforeAll(async () => {
  shop = await seedShop(t.db);
});
beforeEach(() => {
  kit = installTestRunner(t.db, simulator);
});
afterEach(() => installRunner(undefined));

const announced = (name: string, orderId: string) => kit.events.filter((e) => e.name === name && e.data.orderId === orderId);

describe("checkout saga on the in-process runner", () => {
  it("payment succeeded: the order is paid, its stock committed and shop/order.paid announced once", async () => {
    const variantId = await stockedVariant(t.db, shop, { east: 5, west: 0 });
    const { orderId } = await checkout(t.db, simulator, { variantId, quantity: 2 });
    await kit.runner.settled();
    expect((await snapshot(t.db, orderId, variantId)).stock.activeReserved).toBe(2);

    await reportPayment(t.db, orderId, "succeeded");
    await kit.runner.idle();

    const after = await snapshot(t.db, orderId, variantId);
    expect(after.order).toMatchObject({ status: "paid", paymentStatus: "succeeded" });
    expect(after.stock).toEqual({ levels: [{ warehouseId: shop.east, onHand: 3, reserved: 0 }, { warehouseId: shop.west, onHand: 0, reserved: 0 }], activeReserved: 0 });
    expect(after.timeline).toEqual(["placed", "saga:load-order", "payment_succeeded", "saga:read-payment-status", "paid", "saga:complete-order"]);
    expect(announced("shop/order.paid", orderId)).toHaveLength(1);
    expect(kit.failed).toEqual([]);
  });

  it("payment declined: the payment is cancelled, the order cancelled with a reason and the stock back exactly", async () => {
    const variantId = await stockedVariant(t.db, shop, { east: 1, west: 2 });
    const before = (await snapshot(t.db, crypto.randomUUID(), variantId)).stock;
    const { orderId } = await checkout(t.db, simulator, { variantId, quantity: 3 });
    await kit.runner.settled();

    await reportPayment(t.db, orderId, "failed");
    await kit.runner.idle();

    const after = await snapshot(t.db, orderId, variantId);
    expect(after.order).toEqual({ status: "cancelled", paymentStatus: "cancelled", cancelReason: "payment declined" });
    expect(after.stock).toEqual(before);
    expect(after.timeline).toContain("saga:cancel-order");
    expect(announced("shop/order.cancelled", orderId)).toHaveLength(1);
    expect(announced("shop/order.paid", orderId)).toHaveLength(0);
  });

  it("no payment before the reservation expires: the order is cancelled at expiry and its stock released", async () => {
    const variantId = await stockedVariant(t.db, shop, { east: 4, west: 0 });
    const before = (await snapshot(t.db, crypto.randomUUID(), variantId)).stock;
    const { orderId } = await checkout(t.db, simulator, { variantId, quantity: 4 }, 300);

    await kit.runner.idle();

    const after = await snapshot(t.db, orderId, variantId);
    expect(after.order).toMatchObject({ status: "cancelled", cancelReason: "payment not received before the reservation expired" });
    expect(after.payment).toBe("cancelled");
    expect(after.stock).toEqual(before);
  });

  it("a payment recorded before the saga began waiting is still found: the payments row decides, not the event", async () => {
    const variantId = await stockedVariant(t.db, shop, { east: 2, west: 0 });
    installRunner(undefined);
    const { orderId } = await checkout(t.db, simulator, { variantId, quantity: 1 });
    await reportPayment(t.db, orderId, "succeeded");

    kit = installTestRunner(t.db, simulator);
    await emitEvent({ name: "shop/order.placed", data: { orderId } });
    await kit.runner.idle();

    expect((await snapshot(t.db, orderId, variantId)).order.status).toBe("paid");
  });

  it("shop/order.placed delivered three times starts one saga, which settles the order once", async () => {
    const variantId = await stockedVariant(t.db, shop, { east: 3, west: 0 });
    const { orderId } = await checkout(t.db, simulator, { variantId, quantity: 1 });
    await Promise.all([1, 2].map((n) => emitEvent({ name: "shop/order.placed", data: { orderId }, id: `redelivery-${n}` })));
    await kit.runner.settled();
    await reportPayment(t.db, orderId, "succeeded");
    await kit.runner.idle();

    expect(kit.runner.runs.filter((r) => r.functionId === "checkout-saga")).toHaveLength(1);
    const after = await snapshot(t.db, orderId, variantId);
    expect(after.timeline.filter((type) => type === "paid")).toHaveLength(1);
    expect(after.stock.levels[0]).toEqual({ warehouseId: shop.east, onHand: 2, reserved: 0 });
  });
});
