import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { outboxEvents } from "@/server/events/test-outbox";
import { useTestDatabase } from "@/test/db";
import { simulatedPaymentEvent, signStripePayload } from "@/server/payments/simulated-event";
import { createSimulatorProvider } from "@/server/payments/simulator-provider";
import { startPayment } from "@/server/payments/start-payment";
import { inboxCount, insertPayableOrder, paymentState } from "@/server/payments/test-fixtures";
import { createStripeProvider } from "@/server/payments/stripe-provider";
import { adminGetOrder } from "@/server/orders/admin-get-order";
import { STRIPE_WEBHOOK_MAX_BYTES } from "@/server/payments/receive-stripe-webhook";
import { refundPayment } from "@/server/payments/refund-payment";
import { startFakeStripe, type FakeEvent, type FakeStripe } from "@/test/fake-stripe";


const t = useTestDatabase({ max: 10 });
let POST: (request: Request) => Promise<Response>;
let fake: FakeStripe;

beforeAll(async () => {
  // The route reads its database from the environment, as in the app: point it at this file's database.
  process.env.DATABASE_URL = t.url;
  process.env.NEXTAUTH_SECRET ??= "x".repeat(40);
  ({ POST } = await import("./route"));
  fake = await startFakeStripe();
});
afterAll(() => fake.close());
beforeEach(() => fake.recover());

async function pendingPayment() {
  const orderId = await insertPayableOrder(t.db, { totalAmount: 3499 });
  const session = await startPayment({ db: t.db, actor: { type: "system", name: "test" }, payments: createSimulatorProvider() }, { orderId });
  return { orderId, intent: { id: session.paymentIntentId, amount: 3499, currency: "USD", orderId } };
}

function deliver(payload: string, signature: string | null = signStripePayload(payload)) {
  const headers = new Headers({ "content-type": "application/json" });
  if (signature !== null) headers.set("stripe-signature", signature);
  return POST(new Request("http://shop.test/api/webhooks/stripe", { method: "POST", headers, body: payload }));
}

const succeeded = { outcome: "succeeded" } as const;
const insufficientFunds = { outcome: "failed", declineCode: "insufficient_funds" } as const;

describe("POST /api/webhooks/stripe", () => {
  it("applies one payment_intent.succeeded once though it arrives five times, two of them at once", async () => {
    const { orderId, intent } = await pendingPayment();
    const event = simulatedPaymentEvent(intent, succeeded);
    const payload = JSON.stringify(event);

    const concurrent = await Promise.all([deliver(payload), deliver(payload)]);
    const later = [await deliver(payload), await deliver(payload), await deliver(payload)];

    expect([...concurrent, ...later].map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const bodies = await Promise.all([...concurrent, ...later].map((r) => r.json()));
    expect(bodies.filter((b) => b.duplicate)).toHaveLength(4);
    const state = await paymentState(t.db, orderId);
    expect(state.order?.paymentStatus).toBe("succeeded");
    expect(state.payments).toEqual([{ status: "succeeded", paymentIntentId: intent.id }]);
    expect(state.events.filter((e) => e.type === "payment_succeeded")).toHaveLength(1);
    expect(await inboxCount(t.db)).toBe(1);
    expect(await outboxEvents(t.db, orderId)).toEqual([{ name: "shop/payment.succeeded", data: { orderId, paymentIntentId: intent.id } }]);
  });

  it("answers 400 and writes nothing for unsigned, wrong-secret, tampered, stale and garbled events", async () => {
    const { orderId, intent } = await pendingPayment();
    const inboxBefore = await inboxCount(t.db);
    const payload = JSON.stringify(simulatedPaymentEvent(intent, succeeded));
    const now = Math.floor(Date.now() / 1000);
    const tampered = payload.replace('"amount":3499', '"amount":1');
    expect(tampered).not.toBe(payload);

    const answers = await Promise.all([
      deliver(payload, null),
      deliver(payload, signStripePayload(payload, { secret: "whsec_somebody_else" })),
      deliver(tampered, signStripePayload(payload)),
      deliver(payload, signStripePayload(payload, { timestamp: now - 301 })),
      deliver(payload, "t=garbage,v1=nonsense"),
      deliver("not json at all", signStripePayload("not json at all")),
      deliver('{"id":"evt_x","type":"payment_intent.succeeded","data":{}}', signStripePayload('{"id":"evt_x","type":"payment_intent.succeeded","data":{}}')),
    ]);

    expect(answers.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 400, 400]);
    expect(await inboxCount(t.db)).toBe(inboxBefore);
    const state = await paymentState(t.db, orderId);
    expect(state.order?.paymentStatus).toBe("awaiting");
    expect(state.payments[0]?.status).toBe("awaiting");
    expect(await outboxEvents(t.db, orderId)).toEqual([]);
  });

  it("keeps a payment succeeded when payment_failed arrives after it", async () => {
    const { orderId, intent } = await pendingPayment();
    await deliver(JSON.stringify(simulatedPaymentEvent(intent, succeeded)));
    const late = await deliver(JSON.stringify(simulatedPaymentEvent(intent, insufficientFunds)));

    expect(late.status).toBe(200);
    const state = await paymentState(t.db, orderId);
    expect(state.order?.paymentStatus).toBe("succeeded");
    expect(state.payments[0]?.status).toBe("succeeded");
    expect(state.events.map((e) => e.type)).not.toContain("payment_failed");
    expect((await outboxEvents(t.db, orderId)).map((e) => e.name)).toEqual(["shop/payment.succeeded"]);
  });

  it("records a decline with its code, and a later success with another card still wins", async () => {
    const { orderId, intent } = await pendingPayment();
    const failure = simulatedPaymentEvent(intent, insufficientFunds);
    await deliver(JSON.stringify(failure));

    let state = await paymentState(t.db, orderId);
    expect(state.payments[0]?.status).toBe("failed");
    expect(state.events.at(-1)).toEqual({ type: "payment_failed", detail: "insufficient_funds" });
    expect(await outboxEvents(t.db, orderId)).toEqual([{ name: "shop/payment.failed", data: { orderId, paymentIntentId: intent.id, reason: "insufficient_funds" } }]);

    await deliver(JSON.stringify(simulatedPaymentEvent(intent, succeeded)));
    state = await paymentState(t.db, orderId);
    expect(state.order?.paymentStatus).toBe("succeeded");
    expect(state.payments[0]?.status).toBe("succeeded");
  });

  it("acknowledges and records events it does not act on: other types and intents that are not ours", async () => {
    const { orderId, intent } = await pendingPayment();
    const inboxBefore = await inboxCount(t.db);
    const refunded = { ...simulatedPaymentEvent(intent, succeeded), type: "charge.refunded" };
    const stranger = simulatedPaymentEvent({ ...intent, id: "pi_not_ours" }, succeeded);

    const answers = await Promise.all([deliver(JSON.stringify(refunded)), deliver(JSON.stringify(stranger))]);

    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect(await inboxCount(t.db)).toBe(inboxBefore + 2);
    expect((await paymentState(t.db, orderId)).payments[0]?.status).toBe("awaiting");
    expect(await outboxEvents(t.db, orderId)).toEqual([]);
  });

  it("believes a correctly signed success only for the amount and currency we opened: otherwise the order stays unpaid and admins see why", async () => {
    for (const charged of [{ amount: 1 }, { currency: "EUR" }]) {
      const { orderId, intent } = await pendingPayment();
      const answer = await deliver(JSON.stringify(simulatedPaymentEvent({ ...intent, ...charged }, succeeded)));

      expect(answer.status).toBe(200);
      expect((await answer.json()).ignored).toMatch(/^flagged: provider reported/);
      const state = await paymentState(t.db, orderId);
      expect(state.order).toMatchObject({ status: "pending", paymentStatus: "awaiting" });
      expect(state.events.map((e) => e.type)).toEqual(["payment_flagged"]);
      expect(await outboxEvents(t.db, orderId)).toEqual([]);
      const view = await adminGetOrder({ db: t.db, actor: { type: "admin", userId: "admin-1" } }, { orderId });
      expect(view.payment).toMatchObject({ status: "awaiting", flaggedReason: expect.stringContaining("we opened 3499 USD"), flaggedAt: expect.any(Date) });
    }
  });

  it("refuses a body over the size cap with 413 before verifying or storing it", async () => {
    const { orderId, intent } = await pendingPayment();
    const inboxBefore = await inboxCount(t.db);
    const event = simulatedPaymentEvent(intent, succeeded);
    const payload = JSON.stringify({ ...event, padding: "x".repeat(STRIPE_WEBHOOK_MAX_BYTES) });

    const answers = [await deliver(payload), await deliver(payload, "t=1,v1=unsigned")];

    expect(answers.map((r) => r.status)).toEqual([413, 413]);
    expect(await inboxCount(t.db)).toBe(inboxBefore);
    expect((await paymentState(t.db, orderId)).payments[0]?.status).toBe("awaiting");
  });

  it("records a refund made in the Stripe dashboard from its webhooks alone, once whichever of them arrive", async () => {
    const orderId = await insertPayableOrder(t.db, { totalAmount: 3499 });
    const stripeCtx = { db: t.db, actor: { type: "system", name: "test" }, payments: createStripeProvider({ secretKey: "sk_test_fake", apiBase: fake.url, maxNetworkRetries: 0 }) } as const;
    const { paymentIntentId } = await startPayment(stripeCtx, { orderId });
    fake.succeed(paymentIntentId);
    const send = (event: FakeEvent) => deliver(JSON.stringify(event));
    await send(fake.eventsOf("payment_intent.succeeded", paymentIntentId)[0]!);

    const refund = fake.dashboardRefund(paymentIntentId, 499);
    const answers = await Promise.all([send(fake.eventsOf("refund.created", paymentIntentId)[0]!), send(fake.eventsOf("charge.refunded", paymentIntentId)[0]!)]);

    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    const state = await paymentState(t.db, orderId);
    expect(state.order).toMatchObject({ paymentStatus: "partially_refunded", refundedAmount: 499 });
    const view = await adminGetOrder({ db: t.db, actor: { type: "admin", userId: "admin-1" } }, { orderId });
    expect(view.payment?.refunds).toMatchObject([{ amount: 499, status: "succeeded", origin: "provider", providerRefundId: refund.id }]);
    expect((await outboxEvents(t.db, orderId)).filter((e) => e.name === "shop/order.refunded")).toHaveLength(1);
  });

  it("finishes a refund of ours that Stripe left pending when refund.updated says it succeeded or failed", async () => {
    const payments = createStripeProvider({ secretKey: "sk_test_fake", apiBase: fake.url, maxNetworkRetries: 0 });
    const orderId = await insertPayableOrder(t.db, { totalAmount: 3499 });
    const { paymentIntentId } = await startPayment({ db: t.db, actor: { type: "system", name: "test" }, payments }, { orderId });
    fake.succeed(paymentIntentId);
    await deliver(JSON.stringify(fake.eventsOf("payment_intent.succeeded", paymentIntentId)[0]!));
    fake.refundsWill("pending");
    const admin = { db: t.db, actor: { type: "admin", userId: "admin-1" }, payments } as const;
    await refundPayment(admin, { orderId, amount: 1000, expectedRefundedAmount: 0 });
    await refundPayment(admin, { orderId, amount: 500, expectedRefundedAmount: 1000 });
    const [first, second] = fake.refunds.filter((r) => r.payment_intent === paymentIntentId);

    fake.settleRefund(first!.id, "succeeded");
    fake.settleRefund(second!.id, "failed");
    for (const event of fake.eventsOf("refund.updated", paymentIntentId)) expect((await deliver(JSON.stringify(event))).status).toBe(200);

    expect((await paymentState(t.db, orderId)).order).toMatchObject({ paymentStatus: "partially_refunded", refundedAmount: 1000 });
    const view = await adminGetOrder({ db: t.db, actor: { type: "admin", userId: "admin-1" } }, { orderId });
    expect(view.payment?.refunds).toMatchObject([
      { amount: 1000, status: "succeeded", origin: "shop", providerRefundId: first!.id },
      { amount: 500, status: "failed", origin: "shop", failureReason: "expired_or_canceled_card" },
    ]);
  });
});
