import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { orders, payments, refunds } from "@/db/schema";
import { outboxEvents } from "@/server/events/test-outbox";
import { startFakeStripe, type FakeStripe } from "@/test/fake-stripe";
import { useTestDatabase } from "@/test/db";
import type { Actor, ServiceContext } from "../context";
import { PaymentProviderError } from "./payment-provider";
import { recordPaymentOutcome } from "./record-payment-outcome";
import { refundPayment } from "./refund-payment";
import { startPayment } from "./start-payment";
import { createStripeProvider } from "./stripe-provider";
import { insertPayableOrder, paymentState } from "./test-fixtures";

const t = useTestDatabase({ max: 20 });
let fake: FakeStripe;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "x".repeat(40);
  process.env.DATABASE_URL ??= t.url;
  fake = await startFakeStripe();
});
afterAll(() => fake.close());
beforeEach(() => fake.recover());

const admin: Actor = { type: "admin", userId: "admin-1" };
const ctx = (actor: Actor = admin, options: { timeoutMs?: number } = {}): ServiceContext => ({
  db: t.db,
  actor,
  payments: createStripeProvider({ secretKey: "sk_test_fake", apiBase: fake.url, maxNetworkRetries: 0, ...options }),
});

/** A paid order of 5000: intent captured at the fake, payment recorded, order marked paid. */
async function paidOrder() {
  const orderId = await insertPayableOrder(t.db, { totalAmount: 5000 });
  const { paymentIntentId } = await startPayment(ctx(), { orderId });
  fake.succeed(paymentIntentId);
  await recordPaymentOutcome(ctx(), { orderId, outcome: "succeeded" });
  await t.db.update(orders).set({ status: "paid", paidAt: new Date() }).where(eq(orders.id, orderId));
  return { orderId, paymentIntentId };
}

const refundsAtStripe = (paymentIntentId: string) => fake.refunds.filter((r) => r.payment_intent === paymentIntentId);
const refundRows = (orderId: string) =>
  t.db
    .select({ id: refunds.id, amount: refunds.amount, status: refunds.status, providerRefundId: refunds.providerRefundId, failureReason: refunds.failureReason })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .where(eq(payments.orderId, orderId))
    .orderBy(refunds.createdAt);
const refundedEvents = async (orderId: string) => (await outboxEvents(t.db, orderId)).filter((e) => e.name === "shop/order.refunded");

describe("refundPayment", () => {
  it("refunds everything left, marks the order refunded and announces it; the same request again changes nothing", async () => {
    const { orderId, paymentIntentId } = await paidOrder();

    expect(await refundPayment(ctx(), { orderId, expectedRefundedAmount: 0 })).toEqual({
      changed: true,
      refundedAmount: 5000,
      paymentStatus: "refunded",
      refundStatus: "succeeded",
    });
    expect(await refundPayment(ctx(), { orderId, expectedRefundedAmount: 0 })).toMatchObject({ changed: false, refundedAmount: 5000, paymentStatus: "refunded" });

    const state = await paymentState(t.db, orderId);
    expect(state.order).toEqual({ status: "refunded", paymentStatus: "refunded", refundedAmount: 5000 });
    expect(state.events.filter((e) => e.type === "refunded")).toHaveLength(1);
    expect(refundsAtStripe(paymentIntentId).map((r) => r.amount)).toEqual([5000]);
    const [row] = await refundRows(orderId);
    expect(row).toMatchObject({ status: "succeeded", providerRefundId: refundsAtStripe(paymentIntentId)[0]!.id });
    expect(refundsAtStripe(paymentIntentId)[0]!.metadata).toEqual({ refundId: row!.id });
    expect(await refundedEvents(orderId)).toEqual([{ name: "shop/order.refunded", data: { orderId, refundId: row!.id, amount: 5000, currency: "USD", full: true } }]);
  });

  it("partial refunds add up to the total, the order stays paid until then, and nothing beyond it is refunded", async () => {
    const { orderId, paymentIntentId } = await paidOrder();

    expect(await refundPayment(ctx(), { orderId, amount: 1200, expectedRefundedAmount: 0, reason: "damaged item" })).toMatchObject({
      refundedAmount: 1200,
      paymentStatus: "partially_refunded",
    });
    expect((await paymentState(t.db, orderId)).order).toEqual({ status: "paid", paymentStatus: "partially_refunded", refundedAmount: 1200 });
    await expect(refundPayment(ctx(), { orderId, amount: 3801, expectedRefundedAmount: 1200 })).rejects.toMatchObject({
      kind: "Invalid",
      fieldErrors: { amount: expect.stringContaining("3800") },
    });
    expect(await refundPayment(ctx(), { orderId, amount: 3800, expectedRefundedAmount: 1200 })).toMatchObject({ refundedAmount: 5000, paymentStatus: "refunded" });
    await expect(refundPayment(ctx(), { orderId, amount: 1, expectedRefundedAmount: 5000 })).rejects.toMatchObject({ kind: "Invalid" });

    expect((await paymentState(t.db, orderId)).order?.status).toBe("refunded");
    expect(refundsAtStripe(paymentIntentId).map((r) => r.amount)).toEqual([1200, 3800]);
    expect((await refundedEvents(orderId)).map((e) => e.data.full)).toEqual([false, true]);
  });

  it("two (here ten) concurrent identical submits refund once", async () => {
    const { orderId, paymentIntentId } = await paidOrder();
    const results = await Promise.all(Array.from({ length: 10 }, () => refundPayment(ctx(), { orderId, amount: 700, expectedRefundedAmount: 0 })));

    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(refundsAtStripe(paymentIntentId)).toHaveLength(1);
    expect(await refundRows(orderId)).toHaveLength(1);
    expect((await paymentState(t.db, orderId)).order?.refundedAmount).toBe(700);
    expect(await refundedEvents(orderId)).toHaveLength(1);
  });

  it("a crash after the provider refunded but before our commit: the retry resumes the pending refund and the provider refunds once", async () => {
    const { orderId, paymentIntentId } = await paidOrder();
    fake.requests.length = 0;
    fake.fail("lose-response", 1);
    await expect(refundPayment(ctx(admin, { timeoutMs: 300 }), { orderId, amount: 900, expectedRefundedAmount: 0 })).rejects.toThrow(PaymentProviderError);

    expect(refundsAtStripe(paymentIntentId)).toHaveLength(1);
    const [pending] = await refundRows(orderId);
    expect(pending).toMatchObject({ amount: 900, status: "pending", providerRefundId: null });
    expect((await paymentState(t.db, orderId)).order?.refundedAmount).toBe(0);
    expect(await refundPayment(ctx(), { orderId, amount: 900, expectedRefundedAmount: 0 })).toMatchObject({ refundedAmount: 900, refundStatus: "succeeded" });
    expect(refundsAtStripe(paymentIntentId)).toHaveLength(1);
    expect(await refundRows(orderId)).toMatchObject([{ id: pending!.id, status: "succeeded", providerRefundId: refundsAtStripe(paymentIntentId)[0]!.id }]);
    const keys = fake.requests.filter((r) => r.path === "/v1/refunds").map((r) => r.idempotencyKey);
    expect(new Set(keys)).toEqual(new Set([pending!.id]));
    expect(await refundedEvents(orderId)).toHaveLength(1);
  });

  it("a refund with the caller's id: a lost answer and another refund in between, and the retry still resumes it once", async () => {
    const { orderId, paymentIntentId } = await paidOrder();
    const refundId = crypto.randomUUID();
    fake.fail("lose-response", 1);
    await expect(refundPayment(ctx(admin, { timeoutMs: 300 }), { orderId, amount: 700, refundId })).rejects.toThrow(PaymentProviderError);
    await refundPayment(ctx(), { orderId, amount: 1000, expectedRefundedAmount: 700 });

    expect(await refundPayment(ctx(), { orderId, amount: 700, refundId })).toMatchObject({ changed: false, refundedAmount: 1700, refundStatus: "succeeded" });
    expect(await refundPayment(ctx(), { orderId, amount: 700, refundId })).toMatchObject({ changed: false, refundedAmount: 1700, refundStatus: "succeeded" });
    expect(refundsAtStripe(paymentIntentId).map((r) => r.amount).sort()).toEqual([1000, 700]);
    expect((await refundRows(orderId)).find((r) => r.id === refundId)).toMatchObject({ amount: 700, status: "succeeded" });
    expect(await refundedEvents(orderId)).toHaveLength(2);
  });

  it("a provider that is down leaves the refund pending, and the retry finishes it", async () => {
    const { orderId, paymentIntentId } = await paidOrder();
    fake.fail("error");
    await expect(refundPayment(ctx(), { orderId, expectedRefundedAmount: 0 })).rejects.toThrow(PaymentProviderError);
    expect(await refundRows(orderId)).toMatchObject([{ status: "pending", amount: 5000 }]);

    fake.recover();
    expect(await refundPayment(ctx(), { orderId, expectedRefundedAmount: 0 })).toMatchObject({ refundedAmount: 5000, paymentStatus: "refunded" });
    expect(refundsAtStripe(paymentIntentId)).toHaveLength(1);
  });

  it("a refusal by the provider marks the refund failed, gives nothing back, and a later request may ask again", async () => {
    const { orderId, paymentIntentId } = await paidOrder();
    fake.dashboardRefund(paymentIntentId, 4500);

    await expect(refundPayment(ctx(), { orderId, amount: 1000, expectedRefundedAmount: 0 })).rejects.toMatchObject({ kind: "Conflict" });
    expect(await refundRows(orderId)).toMatchObject([{ status: "failed", amount: 1000, failureReason: expect.stringContaining("greater than unrefunded") }]);
    expect((await paymentState(t.db, orderId)).order?.refundedAmount).toBe(0);
    expect((await paymentState(t.db, orderId)).events.map((e) => e.type)).toContain("refund_failed");

    expect(await refundPayment(ctx(), { orderId, amount: 500, expectedRefundedAmount: 0 })).toMatchObject({ changed: true, refundedAmount: 500 });
  });

  it("a refund the provider has not finished stays pending and counts as being refunded", async () => {
    const { orderId, paymentIntentId } = await paidOrder();
    fake.refundsWill("pending");

    expect(await refundPayment(ctx(), { orderId, amount: 2000, expectedRefundedAmount: 0 })).toEqual({
      changed: true,
      refundedAmount: 0,
      paymentStatus: "succeeded",
      refundStatus: "pending",
    });
    expect(await refundRows(orderId)).toMatchObject([{ status: "pending", providerRefundId: refundsAtStripe(paymentIntentId)[0]!.id }]);
    await expect(refundPayment(ctx(), { orderId, amount: 3001, expectedRefundedAmount: 2000 })).rejects.toMatchObject({ kind: "Invalid" });
    expect(await refundedEvents(orderId)).toEqual([]);
  });

  it("refuses shoppers, orders whose money was never taken, and callers holding a transaction", async () => {
    const { orderId } = await paidOrder();
    await expect(refundPayment(ctx({ type: "shopper", userId: "u1" }), { orderId, expectedRefundedAmount: 0 })).rejects.toMatchObject({ kind: "Forbidden" });
    await expect(refundPayment({ ...ctx(), inTransaction: true }, { orderId, expectedRefundedAmount: 0 })).rejects.toThrow(/outside a transaction/);

    const unpaid = await insertPayableOrder(t.db);
    await startPayment(ctx(), { orderId: unpaid });
    await expect(refundPayment(ctx(), { orderId: unpaid, expectedRefundedAmount: 0 })).rejects.toMatchObject({ kind: "Conflict" });
    await expect(refundPayment(ctx(), { orderId: crypto.randomUUID(), expectedRefundedAmount: 0 })).rejects.toMatchObject({ kind: "NotFound" });
  });
});
