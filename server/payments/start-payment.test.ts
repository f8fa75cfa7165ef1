import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { orders, payments } from "@/db/schema";
import { startFakeStripe, type FakeStripe } from "@/test/fake-stripe";
import { useTestDatabase } from "@/test/db";
import type { ServiceContext } from "../context";
import { insertShopper } from "../checkout/checkout-test-fixtures";
import { tokenOpensOrder } from "../orders/order-link";
import { orderColumns } from "../orders/order-queries";
import { PaymentProviderError, type PaymentProvider } from "./payment-provider";
import { createSimulatorProvider } from "./simulator-provider";
import { startPayment } from "./start-payment";
import { createStripeProvider, type StripeProviderOptions } from "./stripe-provider";
import { insertPayableOrder } from "./test-fixtures";

const t = useTestDatabase({ max: 20 });
let fake: FakeStripe;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "x".repeat(40);
  process.env.DATABASE_URL ??= t.url;
  fake = await startFakeStripe();
});
afterAll(() => fake.close());
beforeEach(() => fake.recover());

const stripe = (options: Partial<StripeProviderOptions> = {}) => createStripeProvider({ secretKey: "sk_test_fake", apiBase: fake.url, ...options });
const ctxWith = (payments: PaymentProvider): ServiceContext => ({ db: t.db, actor: { type: "system", name: "test" }, payments });

const intentsOf = (orderId: string) => [...fake.intents.values()].filter((i) => i.metadata.orderId === orderId);
const createKeys = () => fake.requests.filter((r) => r.method === "POST" && r.path === "/v1/payment_intents").map((r) => r.idempotencyKey);
const paymentRows = (orderId: string) => t.db.select().from(payments).where(eq(payments.orderId, orderId));

describe("startPayment with Stripe", () => {
  it("creates one automatic-capture PaymentIntent for the order's amount, keyed by the order", async () => {
    const userId = await insertShopper(t.db);
    const orderId = await insertPayableOrder(t.db, { userId, totalAmount: 4250 });
    fake.requests.length = 0;

    const session = await startPayment(ctxWith(stripe()), { orderId });

    const [intent] = intentsOf(orderId);
    expect(intent).toMatchObject({ amount: 4250, currency: "usd", capture_method: "automatic", metadata: { orderId } });
    expect(session).toEqual({ provider: "stripe", paymentIntentId: intent!.id, clientSecret: intent!.client_secret, payUrl: `/checkout/pay/${orderId}` });
    expect(createKeys()).toEqual([`order-${orderId}-payment`]);
    expect(await paymentRows(orderId)).toMatchObject([{ provider: "stripe", providerPaymentId: intent!.id, amount: 4250, currency: "USD", status: "awaiting" }]);
  });

  it("ten concurrent starts of one order reach one intent and one payments row", async () => {
    const orderId = await insertPayableOrder(t.db);
    const sessions = await Promise.all(Array.from({ length: 10 }, () => startPayment(ctxWith(stripe()), { orderId })));
    expect(new Set(sessions.map((s) => JSON.stringify(s))).size).toBe(1);
    expect(intentsOf(orderId)).toHaveLength(1);
    expect(await paymentRows(orderId)).toHaveLength(1);
  });

  it("retries a create that got a 500 with the same idempotency key, and the provider makes one intent", async () => {
    const orderId = await insertPayableOrder(t.db);
    fake.requests.length = 0;
    fake.fail("error", 1);
    await startPayment(ctxWith(stripe({ maxNetworkRetries: 1 })), { orderId });
    expect(createKeys()).toEqual([`order-${orderId}-payment`, `order-${orderId}-payment`]);
    expect(intentsOf(orderId)).toHaveLength(1);
  });

  it("retries a create whose answer was lost after the intent was made, and gets that same intent back", async () => {
    const orderId = await insertPayableOrder(t.db);
    fake.fail("lose-response", 1);
    const session = await startPayment(ctxWith(stripe({ maxNetworkRetries: 1, timeoutMs: 300 })), { orderId });
    expect(intentsOf(orderId)).toHaveLength(1);
    expect(session.paymentIntentId).toBe(intentsOf(orderId)[0]!.id);
  });

  it("a provider answering 500 throws a clear error and writes nothing; a later start reuses the key", async () => {
    const orderId = await insertPayableOrder(t.db);
    fake.requests.length = 0;
    fake.fail("error");
    const failed = startPayment(ctxWith(stripe({ maxNetworkRetries: 0 })), { orderId });
    await expect(failed).rejects.toThrow(PaymentProviderError);
    await expect(failed).rejects.toThrow(/Payment provider stripe failed to create the payment: fake Stripe is down/);
    expect(await paymentRows(orderId)).toHaveLength(0);
    const [order] = await t.db.select({ status: orders.status, paymentStatus: orderColumns.paymentStatus }).from(orders).where(eq(orders.id, orderId));
    expect(order).toEqual({ status: "pending", paymentStatus: "awaiting" });

    fake.recover();
    await startPayment(ctxWith(stripe({ maxNetworkRetries: 0 })), { orderId });
    expect(new Set(createKeys())).toEqual(new Set([`order-${orderId}-payment`]));
    expect(intentsOf(orderId)).toHaveLength(1);
    expect(await paymentRows(orderId)).toHaveLength(1);
  });

  it("a provider that never answers times out with a clear error and writes nothing", async () => {
    const orderId = await insertPayableOrder(t.db);
    fake.fail("hang");
    await expect(startPayment(ctxWith(stripe({ maxNetworkRetries: 0, timeoutMs: 200 })), { orderId })).rejects.toThrow(
      /Payment provider stripe failed to create the payment/,
    );
    expect(await paymentRows(orderId)).toHaveLength(0);
  });
});

describe("startPayment with the simulator", () => {
  it("derives the intent from the key, so a second start returns the same session, and sends guests to /pay with a token that expires with the reservation", async () => {
    const orderId = await insertPayableOrder(t.db);
    const first = await startPayment(ctxWith(createSimulatorProvider()), { orderId });
    const second = await startPayment(ctxWith(createSimulatorProvider()), { orderId });
    expect(second).toEqual(first);
    expect(first.provider).toBe("simulator");
    expect(first.paymentIntentId).toMatch(/^pi_sim_[0-9a-f]{24}$/);
    const url = new URL(first.payUrl, "http://shop.test");
    expect(url.pathname).toBe(`/pay/${orderId}`);
    expect(tokenOpensOrder(url.searchParams.get("token") ?? undefined, orderId)).toBe(true);
    const [order] = await t.db.select({ expiresAt: orders.reservationExpiresAt }).from(orders).where(eq(orders.id, orderId));
    expect(Number(url.searchParams.get("token")?.split(".")[1])).toBe(Math.floor(order!.expiresAt.getTime() / 1000));
  });

  it("gives a signed-in shopper's order a plain link, and refuses an order that is no longer pending", async () => {
    const userId = await insertShopper(t.db);
    const orderId = await insertPayableOrder(t.db, { userId });
    expect((await startPayment(ctxWith(createSimulatorProvider()), { orderId })).payUrl).toBe(`/pay/${orderId}`);

    const cancelled = await insertPayableOrder(t.db);
    await t.db.update(orders).set({ status: "cancelled", cancelledAt: new Date() }).where(eq(orders.id, cancelled));
    await expect(startPayment(ctxWith(createSimulatorProvider()), { orderId: cancelled })).rejects.toMatchObject({ kind: "Conflict" });
  });
});
