import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { orders, payments, refunds } from "@/db/schema";
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
  t.db.select({ amount: refunds.amount }).from(refunds).innerJoin(payments, eq(payments.id, refunds.paymentId)).where(eq(payments.orderId, orderId));

describe("refundPayment", () => {
  it("refunds everything left, marks the order refunded, and a second full refund changes nothing", async () => {
    const { orderId, paymentIntentId } = await paidOrder();

    expect(await refundPayment(ctx(), { orderId })).toEqual({ changed: true, refundedAmount: 5000, paymentStatus: "refunded" });
    expect(await refundPayment(ctx(), { orderId })).toEqual({ changed: false, refundedAmount: 5000, paymentStatus: "refunded" });

    const state = await paymentState(t.db, orderId);
    expect(state.order).toEqual({ status: "refunded", paymentStatus: "refunded", refundedAmount: 5000 });
    expect(state.events.filter((e) => e.type === "refunded")).toHaveLength(1);
    expect(refundsAtStripe(paymentIntentId).map((r) => r.amount)).toEqual([5000]);
  });

  it("partial refunds add up to the total, the order stays paid until then, and nothing beyond it is refunded", async () => {
    const { orderId, paymentIntentId } = await paidOrder();

    expect(await refundPayment(ctx(), { orderId, amount: 1200, reason: "damaged item" })).toMatchObject({ refundedAmount: 1200, paymentStatus: "partially_refunded" });
    expect((await paymentState(t.db, orderId)).order).toEqual({ status: "paid", paymentStatus: "partially_refunded", refundedAmount: 1200 });
    await expect(refundPayment(ctx(), { orderId, amount: 3801 })).rejects.toMatchObject({ kind: "Invalid", fieldErrors: { amount: expect.stringContaining("3800") } });
    expect(await refundPayment(ctx(), { orderId, amount: 3800 })).toMatchObject({ refundedAmount: 5000, paymentStatus: "refunded" });
    await expect(refundPayment(ctx(), { orderId, amount: 1 })).rejects.toMatchObject({ kind: "Invalid" });

    expect((await paymentState(t.db, orderId)).order?.status).toBe("refunded");
    expect(refundsAtStripe(paymentIntentId).map((r) => r.amount)).toEqual([1200, 3800]);
  });

  it("a double submit of the same refund (ten at once, same refunded amount seen) refunds once", async () => {
    const { orderId, paymentIntentId } = await paidOrder();
    const results = await Promise.all(Array.from({ length: 10 }, () => refundPayment(ctx(), { orderId, amount: 700, expectedRefundedAmount: 0 })));

    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(results.every((r) => r.refundedAmount === 700)).toBe(true);
    expect(refundsAtStripe(paymentIntentId)).toHaveLength(1);
    expect((await paymentState(t.db, orderId)).order?.refundedAmount).toBe(700);
  });

  it("concurrent refunds of one order run one at a time and never exceed the total", async () => {
    const { orderId, paymentIntentId } = await paidOrder();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => refundPayment(ctx(), { orderId, amount: 2000 })));

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.kind)).toEqual(["Invalid", "Invalid", "Invalid"]);
    expect((await paymentState(t.db, orderId)).order?.refundedAmount).toBe(4000);
    expect(refundsAtStripe(paymentIntentId).map((r) => r.amount)).toEqual([2000, 2000]);
  });

  it("records nothing when the provider fails, and the retry reuses the key so a refund made behind a lost answer is not repeated", async () => {
    const { orderId, paymentIntentId } = await paidOrder();
    fake.requests.length = 0;
    fake.fail("error");
    await expect(refundPayment(ctx(), { orderId, amount: 900 })).rejects.toThrow(PaymentProviderError);
    fake.fail("lose-response", 1);
    await expect(refundPayment(ctx(admin, { timeoutMs: 300 }), { orderId, amount: 900 })).rejects.toThrow(/failed to refund the payment/);
    expect((await paymentState(t.db, orderId)).order?.refundedAmount).toBe(0);
    expect(await refundRows(orderId)).toHaveLength(0);

    fake.recover();
    expect(await refundPayment(ctx(), { orderId, amount: 900 })).toMatchObject({ changed: true, refundedAmount: 900 });
    expect(refundsAtStripe(paymentIntentId)).toHaveLength(1);
    const keys = fake.requests.filter((r) => r.path === "/v1/refunds").map((r) => r.idempotencyKey);
    expect(new Set(keys)).toEqual(new Set([`order-${orderId}-refund-0-900`]));
  });

  it("refuses shoppers, and orders whose money was never taken", async () => {
    const { orderId } = await paidOrder();
    await expect(refundPayment(ctx({ type: "shopper", userId: "u1" }), { orderId })).rejects.toMatchObject({ kind: "Forbidden" });

    const unpaid = await insertPayableOrder(t.db);
    await startPayment(ctx(), { orderId: unpaid });
    await expect(refundPayment(ctx(), { orderId: unpaid })).rejects.toMatchObject({ kind: "Conflict" });
    await expect(refundPayment(ctx(), { orderId: crypto.randomUUID() })).rejects.toMatchObject({ kind: "NotFound" });
  });
});
