import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxEvents } from "@/server/events/test-outbox";
import { startFakeStripe, type FakeStripe } from "@/test/fake-stripe";
import { useTestDatabase } from "@/test/db";
import type { Actor, ServiceContext } from "../context";
import { insertShopper } from "../checkout/checkout-test-fixtures";
import { orderAccessToken } from "../orders/order-link";
import { createCaller } from "../trpc/root";
import { confirmPayment } from "./confirm-payment";
import { simulatedPaymentEvent, signStripePayload } from "./simulated-event";
import { createSimulatorProvider } from "./simulator-provider";
import { startPayment } from "./start-payment";
import { createStripeProvider } from "./stripe-provider";
import { insertPayableOrder, paymentState } from "./test-fixtures";


const t = useTestDatabase({ max: 20 });
let fake: FakeStripe;
let webhook: (request: Request) => Promise<Response>;

beforeAll(async () => {
  process.env.DATABASE_URL = t.url;
  process.env.NEXTAUTH_SECRET ??= "x".repeat(40);
  fake = await startFakeStripe();
  ({ POST: webhook } = await import("@/app/api/webhooks/stripe/route"));
});
afterAll(() => fake.close());

const shopperCtx = (userId: string, payments = createStripeProvider({ secretKey: "sk_test_fake", apiBase: fake.url })): ServiceContext => ({
  db: t.db,
  actor: { type: "shopper", userId },
  payments,
});

function deliverEvent(event: object) {
  const payload = JSON.stringify(event);
  return webhook(new Request("http://shop.test/api/webhooks/stripe", { method: "POST", headers: { "stripe-signature": signStripePayload(payload) }, body: payload }));
}

async function stripeOrder() {
  const userId = await insertShopper(t.db);
  const orderId = await insertPayableOrder(t.db, { userId, totalAmount: 5000 });
  const session = await startPayment(shopperCtx(userId), { orderId });
  return { userId, orderId, paymentIntentId: session.paymentIntentId };
}

describe("confirmPayment", () => {
  it("browser confirmation and webhook, in either order or at once, 50 runs: one outcome, one event, one intent each", async () => {
    for (let run = 0; run < 50; run++) {
      const { userId, orderId, paymentIntentId } = await stripeOrder();
      fake.succeed(paymentIntentId);
      const event = simulatedPaymentEvent({ id: paymentIntentId, amount: 5000, currency: "USD", orderId }, { outcome: "succeeded" });
      const browser = () => confirmPayment(shopperCtx(userId), { orderId });
      const stripe = () => deliverEvent(event);

      if (run % 3 === 0) await stripe().then(browser);
      else if (run % 3 === 1) await browser().then(stripe);
      else await Promise.all([stripe(), browser()]);

      const state = await paymentState(t.db, orderId);
      expect(state.order?.paymentStatus).toBe("succeeded");
      expect(state.payments).toEqual([{ status: "succeeded", paymentIntentId }]);
      expect(state.events.filter((e) => e.type.startsWith("payment_"))).toEqual([{ type: "payment_succeeded", detail: paymentIntentId }]);
      expect((await outboxEvents(t.db, orderId)).map((e) => e.name)).toEqual(["shop/payment.succeeded"]);
      expect([...fake.intents.values()].filter((i) => i.metadata.orderId === orderId)).toHaveLength(1);
    }
  });

  it("records a decline the provider reports, with its code, and announces it", async () => {
    const { userId, orderId, paymentIntentId } = await stripeOrder();
    fake.decline(paymentIntentId, "insufficient_funds");

    expect(await confirmPayment(shopperCtx(userId), { orderId })).toEqual({ paymentStatus: "failed", orderStatus: "pending" });
    expect((await paymentState(t.db, orderId)).events.at(-1)).toEqual({ type: "payment_failed", detail: "insufficient_funds" });
    expect(await outboxEvents(t.db, orderId)).toEqual([{ name: "shop/payment.failed", data: { orderId, paymentIntentId, reason: "insufficient_funds" } }]);
  });

  it("leaves a payment the card has not finished as it is", async () => {
    const { userId, orderId } = await stripeOrder();
    expect(await confirmPayment(shopperCtx(userId), { orderId })).toEqual({ paymentStatus: "awaiting", orderStatus: "pending" });
    expect(await outboxEvents(t.db, orderId)).toEqual([]);
  });
});

describe("payments router", () => {
  it("shows the pay session and confirms only for the order's owner or the holder of its link; NOT_FOUND for anyone else", async () => {
    const owner = await insertShopper(t.db);
    const stranger = await insertShopper(t.db);
    const orderId = await insertPayableOrder(t.db, { userId: owner, totalAmount: 1999 });
    await startPayment(shopperCtx(owner, createSimulatorProvider()), { orderId });
    const as = (actor: Actor) => createCaller({ db: t.db, actor }).payments;

    expect(await as({ type: "shopper", userId: owner }).session({ orderId })).toMatchObject({
      orderId,
      totalAmount: 1999,
      currency: "USD",
      provider: "simulator",
      paymentStatus: "awaiting",
      canPay: true,
      guest: false,
    });
    expect(await as({ type: "anonymous" }).session({ orderId, accessToken: orderAccessToken(orderId) })).toMatchObject({ orderId, guest: true });
    expect(await as({ type: "shopper", userId: owner }).confirm({ orderId })).toEqual({ paymentStatus: "awaiting", orderStatus: "pending" });

    const refused = await Promise.allSettled([
      as({ type: "anonymous" }).session({ orderId }),
      as({ type: "shopper", userId: stranger }).session({ orderId }),
      as({ type: "anonymous" }).session({ orderId, accessToken: orderAccessToken(crypto.randomUUID()) }),
      as({ type: "admin", userId: stranger }).confirm({ orderId }),
      as({ type: "anonymous" }).confirm({ orderId, accessToken: "forged.token" }),
    ]);
    expect(refused.map((r) => (r.status === "rejected" ? (r.reason as { code?: string }).code : "fulfilled"))).toEqual(Array(5).fill("NOT_FOUND"));
  });
});
