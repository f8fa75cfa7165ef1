import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { orders, payments, refunds, shipments } from "@/db/schema";
import { runFulfilPaidOrder } from "@/inngest/functions/fulfil-paid-order";
import { scriptedStep } from "@/inngest/functions/saga-test-kit";
import { useTestDatabase } from "@/test/db";
import { clientError } from "../catalog/admin-test-fixtures";
import { seedShop } from "../checkout/checkout-test-fixtures";
import type { Actor, ServiceContext } from "../context";
import { outboxEvents } from "../events/test-outbox";
import type { PaymentProvider } from "../payments/payment-provider";
import { refundPayment } from "../payments/refund-payment";
import { createSimulatorProvider } from "../payments/simulator-provider";
import { buyShipmentLabel } from "../shipping/buy-shipment-label";
import type { Carrier } from "../shipping/carrier";
import { createCarrierSimulator } from "../shipping/carrier-simulator";
import { createShipmentsForOrder } from "../shipping/create-shipments-for-order";
import { fulfilmentContext, paidOrder, weighedVariant, type Shop } from "../shipping/test-fixtures";
import { createCaller } from "../trpc/root";
import { queueOrderEmail } from "../notifications/queue-order-email";
import { renderNotification } from "../notifications/render-notification";
import { adminCancelOrder } from "./admin-cancel-order";
import { cancellationRefundId } from "./cancellation-refund-id";
import { refundOrder } from "./refund-order";
import { insertOrder, insertUser, ledgerSumAt, onHandAt } from "./test-fixtures";

const t = useTestDatabase({ max: 12 });
let shop: Shop;
let adminActor: Actor;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "x".repeat(40);
  process.env.DATABASE_URL ??= t.url;
  shop = await seedShop(t.db);
  adminActor = { type: "admin", userId: await insertUser(t.db, "admin"), role: "admin" };
});

/** The payment simulator, keeping every refund asked of it (the same refund id twice is one refund, as at Stripe). */
function refundLog() {
  const simulator = createSimulatorProvider();
  const asked: { refundId: string; amount: number }[] = [];
  const provider: PaymentProvider = {
    ...simulator,
    refund: async (input) => {
      asked.push({ refundId: input.refundId, amount: input.amount });
      return simulator.refund(input);
    },
  };
  const distinct = () => [...new Map(asked.map((a) => [a.refundId, a.amount])).values()];
  return { provider, distinct };
}

/** The carrier simulator, knowing which of its labels were bought and not voided. */
function labelLog() {
  const simulator = createCarrierSimulator();
  const bought = new Set<string>();
  const voided = new Set<string>();
  const carrier: Carrier = {
    ...simulator,
    buyLabel: async (input) => {
      const label = await simulator.buyLabel(input);
      bought.add(input.carrierShipmentId);
      return label;
    },
    voidLabel: async (id) => {
      const answer = await simulator.voidLabel(id);
      voided.add(id);
      return answer;
    },
  };
  return { carrier, live: () => [...bought].filter((id) => !voided.has(id)), voided: () => [...voided] };
}

/** 2 × lamp from the east warehouse and 1 × vase from the west (10.00 each), paid through the simulator, its two shipments made. */
async function paidTwoWarehouseOrder() {
  const lamp = await weighedVariant(t.db, shop, { east: 5, west: 0 });
  const vase = await weighedVariant(t.db, shop, { east: 0, west: 5 });
  const orderId = await paidOrder(t.db, [
    { variantId: lamp, quantity: 2 },
    { variantId: vase, quantity: 1 },
  ]);
  await t.db.insert(payments).values({ orderId, provider: "simulator", providerPaymentId: `pi_sim_${orderId}`, amount: 3000, currency: "USD", status: "succeeded" });
  const shipmentIds = await createShipmentsForOrder(fulfilmentContext(t.db), { orderId });
  return { orderId, lamp, vase, shipmentIds };
}

function adminContext(provider: PaymentProvider, carrier: Carrier): ServiceContext {
  return { ...fulfilmentContext(t.db, carrier), actor: adminActor, payments: provider };
}

const onHand = (variantId: number, warehouseId: number) => onHandAt(t.db, variantId, warehouseId);
const ledgerSum = (variantId: number, warehouseId: number) => ledgerSumAt(t.db, variantId, warehouseId);
const cancelMovements = (orderId: string) =>
  t.db.execute<{ variantId: number; warehouseId: number; onHandDelta: number }>(sql`
    select variant_id as "variantId", warehouse_id as "warehouseId", on_hand_delta as "onHandDelta"
      from stock_movements where order_id = ${orderId} and reason = 'cancelled: restocked' order by variant_id`);
const orderState = async (orderId: string) => {
  const [row] = await t.db
    .select({ status: orders.status, refundedAmount: orders.refundedAmount, cancelReason: orders.cancelReason, cancelledBy: orders.cancelledBy, payment: payments.status })
    .from(orders)
    .innerJoin(payments, eq(payments.orderId, orders.id))
    .where(eq(orders.id, orderId));
  return row!;
};
const shipmentStatuses = async (orderId: string) => (await t.db.select({ status: shipments.status }).from(shipments).where(eq(shipments.orderId, orderId))).map((s) => s.status).sort();
const succeededRefunds = async (orderId: string) =>
  t.db.select({ amount: refunds.amount }).from(refunds).innerJoin(payments, eq(payments.id, refunds.paymentId)).where(sql`${payments.orderId} = ${orderId} and ${refunds.status} = 'succeeded'`);

describe("cancelling a paid order that has not shipped", () => {
  it("voids the bought label, cancels the shipments, refunds once, puts the stock back per warehouse and tells the customer once", async () => {
    const o = await paidTwoWarehouseOrder();
    const payment = refundLog();
    const labels = labelLog();
    const ctx = adminContext(payment.provider, labels.carrier);
    expect((await buyShipmentLabel(ctx, { shipmentId: o.shipmentIds[0]! })).outcome).toBe("bought");
    const before = { lamp: await onHand(o.lamp, shop.east), vase: await onHand(o.vase, shop.west) };

    const result = await adminCancelOrder(ctx, { orderId: o.orderId, reason: "The customer changed their mind", notifyCustomer: true });
    expect(result).toEqual({ orderId: o.orderId, status: "cancelled", refund: "succeeded" });

    expect(payment.distinct()).toEqual([3000]);
    expect(labels.live()).toEqual([]);
    expect(labels.voided()).toHaveLength(1);
    expect(await shipmentStatuses(o.orderId)).toEqual(["cancelled", "cancelled", "cancelled"]); // two made, one replacement of the voided label
    expect(await orderState(o.orderId)).toEqual({
      status: "cancelled",
      refundedAmount: 3000,
      cancelReason: "The customer changed their mind",
      cancelledBy: (adminActor as { userId: string }).userId,
      payment: "refunded",
    });
    expect(await onHand(o.lamp, shop.east)).toBe(before.lamp + 2);
    expect(await onHand(o.vase, shop.west)).toBe(before.vase + 1);
    expect(await cancelMovements(o.orderId)).toEqual([
      { variantId: o.lamp, warehouseId: shop.east, onHandDelta: 2 },
      { variantId: o.vase, warehouseId: shop.west, onHandDelta: 1 },
    ]);
    for (const [variant, warehouse] of [[o.lamp, shop.east], [o.vase, shop.west]] as const) expect(await ledgerSum(variant, warehouse)).toBe(await onHand(variant, warehouse));
    expect((await outboxEvents(t.db, o.orderId)).filter((e) => e.name === "shop/order.cancelled")).toEqual([
      { name: "shop/order.cancelled", data: { orderId: o.orderId, reason: "The customer changed their mind" } },
    ]);

    const view = await createCaller({ db: t.db, actor: adminActor }).adminOrders.get({ orderId: o.orderId });
    expect(view).toMatchObject({ status: "cancelled", paymentStatus: "refunded", cancelReason: "The customer changed their mind" });
    expect(view.cancelledBy).toMatch(/^User \d+$/);
  });

  it("emails the customer about the cancellation and its refund only when the admin asked to", async () => {
    const system: ServiceContext = { db: t.db, actor: { type: "system", name: "test" } };
    for (const notifyCustomer of [false, true]) {
      const o = await paidTwoWarehouseOrder();
      await adminCancelOrder(adminContext(refundLog().provider, labelLog().carrier), { orderId: o.orderId, reason: "Cannot fulfil", notifyCustomer });
      const [cancelled] = await queueOrderEmail(system, { kind: "order-cancelled", orderId: o.orderId });
      const [refunded] = await queueOrderEmail(system, { kind: "refund-issued", orderId: o.orderId, subjectId: cancellationRefundId(o.orderId) });
      expect([cancelled?.status, refunded?.status]).toEqual(notifyCustomer ? ["queued", "queued"] : ["skipped", "skipped"]);
      if (!notifyCustomer) expect(cancelled?.skipReason).toBe("the shop chose not to tell the customer about this cancellation");
      // Read after the refund went through, the cancellation still says the money comes back (not "nothing was charged").
      else expect(await renderNotification(system, { notificationId: cancelled!.id })).toMatchObject({ text: expect.stringContaining("refunding your payment") });
    }
  });

  it("cancelled twice, or by two admins at once, refunds once and restocks once", async () => {
    for (const concurrent of [false, true]) {
      const o = await paidTwoWarehouseOrder();
      const payment = refundLog();
      const ctx = adminContext(payment.provider, labelLog().carrier);
      const cancel = () => adminCancelOrder(ctx, { orderId: o.orderId, reason: "Cannot fulfil" }).then((r) => r.status, (e: unknown) => (e as Error).message);
      const outcomes = concurrent ? await Promise.all([cancel(), cancel(), cancel()]) : [await cancel(), await cancel()];
      expect(outcomes).toContain("cancelled");
      for (const outcome of outcomes) expect(outcome).toMatch(/^cancelled$|is already cancelled and refunded/);
      expect(payment.distinct()).toEqual([3000]);
      expect(await succeededRefunds(o.orderId)).toEqual([{ amount: 3000 }]);
      expect(await cancelMovements(o.orderId)).toHaveLength(2);
      expect((await outboxEvents(t.db, o.orderId)).filter((e) => e.name === "shop/order.cancelled")).toHaveLength(1);
    }
  });

  it("a refund the provider has not finished is resumed, never doubled, by a second cancel or the sweeper's refund of a cancelled paid order", async () => {
    const o = await paidTwoWarehouseOrder();
    const payment = refundLog();
    const slow: PaymentProvider = { ...payment.provider, refund: async (input) => ({ ...(await payment.provider.refund(input)), status: "pending" }) };
    const ctx = adminContext(slow, labelLog().carrier);
    expect(await adminCancelOrder(ctx, { orderId: o.orderId, reason: "Cannot fulfil" })).toMatchObject({ status: "cancelled", refund: "pending" });
    expect(await orderState(o.orderId)).toMatchObject({ status: "cancelled", payment: "succeeded" });
    // What expire-reservations does for a cancelled order whose payment stands succeeded.
    await refundPayment({ ...ctx, actor: { type: "system", name: "expire-reservations" } }, { orderId: o.orderId, reason: "cancelled before its payment arrived", expectedRefundedAmount: 0 });
    await adminCancelOrder({ ...ctx, payments: payment.provider }, { orderId: o.orderId, reason: "Cannot fulfil" });
    expect(payment.distinct()).toEqual([3000]);
    expect(await succeededRefunds(o.orderId)).toEqual([{ amount: 3000 }]);
    expect(await orderState(o.orderId)).toMatchObject({ status: "cancelled", payment: "refunded", refundedAmount: 3000 });
  });

  it("refunds only what an earlier refund left, and does not restock its units twice", async () => {
    const o = await paidTwoWarehouseOrder();
    const payment = refundLog();
    const ctx = adminContext(payment.provider, labelLog().carrier);
    const [lampLine] = await t.db.execute<{ id: number }>(sql`select id from order_lines where order_id = ${o.orderId} and variant_id = ${o.lamp}`);
    await refundOrder(ctx, { orderId: o.orderId, refundId: randomUUID(), lines: [{ orderLineId: lampLine!.id, quantity: 1, restock: true }], notifyCustomer: false });
    const lampBefore = await onHand(o.lamp, shop.east);

    await adminCancelOrder(ctx, { orderId: o.orderId, reason: "Cannot fulfil" });
    expect(payment.distinct()).toEqual([1000, 2000]);
    expect(await orderState(o.orderId)).toMatchObject({ status: "cancelled", refundedAmount: 3000, payment: "refunded" });
    expect(await onHand(o.lamp, shop.east)).toBe(lampBefore + 1);
    expect(await ledgerSum(o.lamp, shop.east)).toBe(await onHand(o.lamp, shop.east));
  });

  it("refuses an order with a parcel on its way, or already refunded in full, and changes nothing", async () => {
    const o = await paidTwoWarehouseOrder();
    const payment = refundLog();
    const ctx = adminContext(payment.provider, labelLog().carrier);
    await t.db
      .update(shipments)
      .set({ status: "in_transit", carrier: "Other", trackingCode: `T-${o.orderId}`, trackingUrl: "https://track.test" })
      .where(eq(shipments.id, o.shipmentIds[1]!));
    const before = { order: await orderState(o.orderId), shipments: await shipmentStatuses(o.orderId), lamp: await onHand(o.lamp, shop.east) };

    const call = createCaller({ db: t.db, actor: adminActor }).adminOrders.cancel({ orderId: o.orderId });
    await expect(call).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/a parcel is in transit\. Refund its lines or take a return instead/) });
    expect({ order: await orderState(o.orderId), shipments: await shipmentStatuses(o.orderId), lamp: await onHand(o.lamp, shop.east) }).toEqual(before);
    expect(payment.distinct()).toEqual([]);

    const refunded = await paidTwoWarehouseOrder();
    await refundOrder(ctx, { orderId: refunded.orderId, refundId: randomUUID(), amount: 3000, notifyCustomer: false });
    await expect(adminCancelOrder(ctx, { orderId: refunded.orderId })).rejects.toMatchObject({ kind: "Conflict", message: expect.stringMatching(/already refunded in full/) });
  });

  it("the fulfilment job, run for the paid event after the cancellation, makes no shipment and buys no label", async () => {
    for (const shipmentsMade of [false, true]) {
      const lamp = await weighedVariant(t.db, shop, { east: 2, west: 0 });
      const orderId = await paidOrder(t.db, [{ variantId: lamp, quantity: 1 }]);
      await t.db.insert(payments).values({ orderId, provider: "simulator", providerPaymentId: `pi_sim_${orderId}`, amount: 1000, currency: "USD", status: "succeeded" });
      if (shipmentsMade) await createShipmentsForOrder(fulfilmentContext(t.db), { orderId });
      const labels = labelLog();
      const ctx = adminContext(refundLog().provider, labels.carrier);
      await adminCancelOrder(ctx, { orderId, reason: "Cannot fulfil" });

      const system = { ...ctx, actor: { type: "system", name: "fulfil-paid-order" } } as const;
      const run = runFulfilPaidOrder({ event: { name: "shop/order.paid", data: { orderId }, id: `evt-${orderId}` }, step: scriptedStep({}).step }, { context: () => system });
      await run;
      expect(labels.live()).toEqual([]);
      expect(await shipmentStatuses(orderId)).toEqual(shipmentsMade ? ["cancelled"] : []);
    }
  });

  it("a buyer whose claim had gone stale while at the carrier voids the label it bought for an order cancelled meanwhile", async () => {
    const o = await paidTwoWarehouseOrder();
    const labels = labelLog();
    const ctx = adminContext(refundLog().provider, labels.carrier);
    const buyLabel = labels.carrier.buyLabel;
    // Between the claim and the carrier's answer: the claim ages past its TTL and an admin cancels the order.
    labels.carrier.buyLabel = async (input) => {
      await t.db.update(shipments).set({ buyingSince: sql`now() - interval '11 minutes'` }).where(eq(shipments.id, o.shipmentIds[0]!));
      await adminCancelOrder(ctx, { orderId: o.orderId, reason: "Cannot fulfil" });
      return buyLabel(input);
    };
    expect(await buyShipmentLabel({ ...ctx, actor: { type: "system", name: "fulfil-paid-order" } }, { shipmentId: o.shipmentIds[0]! })).toEqual({ outcome: "not-pending", status: "cancelled" });
    expect((await orderState(o.orderId)).status).toBe("cancelled");
    expect(labels.voided()).toHaveLength(1);
    expect(labels.live()).toEqual([]);
  });

  it("racing the label purchase never leaves a live label on a cancelled order", async () => {
    const outcomes = { cancelled: 0, refused: 0 };
    for (let round = 0; round < 12; round++) {
      const o = await paidTwoWarehouseOrder();
      const labels = labelLog();
      const ctx = adminContext(refundLog().provider, labels.carrier);
      // The purchase starts a little later round by round, so each side wins some rounds and they overlap in others.
      const buyAfter = [0, 5, 15, 40, 80, 160][round % 6]!;
      const [cancel] = await Promise.allSettled([
        adminCancelOrder(ctx, { orderId: o.orderId, reason: "Race" }),
        sleep(buyAfter).then(() => buyShipmentLabel({ ...ctx, actor: { type: "system", name: "fulfil-paid-order" } }, { shipmentId: o.shipmentIds[0]! })),
      ]);
      const { status } = await orderState(o.orderId);
      if (status === "cancelled") {
        outcomes.cancelled += 1;
        expect(labels.live()).toEqual([]);
        expect(await shipmentStatuses(o.orderId)).not.toContain("label_purchased");
      } else {
        outcomes.refused += 1;
        expect(cancel.status).toBe("rejected");
        expect(status).toBe("paid");
      }
    }
    expect(outcomes.cancelled + outcomes.refused).toBe(12);
    console.info("cancel vs label purchase, 12 rounds:", outcomes);
  });
});

describe("who may cancel a paid order", () => {
  it("staff are refused (it is a refund) and nothing changes; they may still cancel an unpaid order", async () => {
    const o = await paidTwoWarehouseOrder();
    const staff = { type: "admin", userId: await insertUser(t.db, "staff"), role: "staff" } as const;
    const error = await clientError(createCaller({ db: t.db, actor: staff }).adminOrders.cancel({ orderId: o.orderId }));
    expect(error.code).toBe("FORBIDDEN");
    expect(await orderState(o.orderId)).toMatchObject({ status: "paid", payment: "succeeded" });
    expect(await shipmentStatuses(o.orderId)).toEqual(["pending", "pending"]);

    const unpaid = await insertOrder(t.db, { variantId: o.lamp, payment: "awaiting" });
    await expect(createCaller({ db: t.db, actor: staff }).adminOrders.cancel({ orderId: unpaid.id })).resolves.toEqual({ orderId: unpaid.id, status: "cancelled" });
  });
});
