import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeStripe, type FakeStripe } from "@/test/fake-stripe";
import { useTestDatabase } from "@/test/db";
import type { ServiceContext } from "../context";
import { cancelPayment } from "./cancel-payment";
import { createSimulatorProvider } from "./simulator-provider";
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

const ctx = (): ServiceContext => ({
  db: t.db,
  actor: { type: "system", name: "checkout-saga" },
  payments: createStripeProvider({ secretKey: "sk_test_fake", apiBase: fake.url, maxNetworkRetries: 0 }),
});

async function awaitingPayment() {
  const orderId = await insertPayableOrder(t.db);
  const { paymentIntentId } = await startPayment(ctx(), { orderId });
  return { orderId, paymentIntentId };
}

const cancelCalls = (paymentIntentId: string) => fake.requests.filter((r) => r.path === `/v1/payment_intents/${paymentIntentId}/cancel`);

describe("cancelPayment", () => {
  it("cancels an awaiting intent once, however many times and however concurrently it is asked", async () => {
    const { orderId, paymentIntentId } = await awaitingPayment();
    const results = await Promise.all(Array.from({ length: 5 }, () => cancelPayment(ctx(), { orderId })));
    const again = await cancelPayment(ctx(), { orderId });

    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect([...results, again].every((r) => r.status === "cancelled")).toBe(true);
    expect(fake.intents.get(paymentIntentId)?.status).toBe("canceled");
    const state = await paymentState(t.db, orderId);
    expect(state.order?.paymentStatus).toBe("cancelled");
    expect(state.payments[0]?.status).toBe("cancelled");
    expect(state.events.filter((e) => e.type === "payment_cancelled")).toHaveLength(1);
    expect(new Set(cancelCalls(paymentIntentId).map((r) => r.idempotencyKey))).toEqual(new Set([`order-${orderId}-cancel`]));
  });

  it("records a payment the card completed before the cancel reached the provider as succeeded, so the caller refunds it", async () => {
    const { orderId, paymentIntentId } = await awaitingPayment();
    fake.succeed(paymentIntentId);

    expect(await cancelPayment(ctx(), { orderId })).toEqual({ changed: false, status: "succeeded" });
    const state = await paymentState(t.db, orderId);
    expect(state.payments[0]?.status).toBe("succeeded");
    expect(state.order?.paymentStatus).toBe("succeeded");
  });

  it("never cancels an intent the provider is still processing: Stripe refuses, our row says processing, and a later success is recorded as such", async () => {
    const { orderId, paymentIntentId } = await awaitingPayment();
    fake.process(paymentIntentId);

    expect(await cancelPayment(ctx(), { orderId })).toEqual({ changed: false, status: "processing" });
    expect(await cancelPayment(ctx(), { orderId })).toEqual({ changed: false, status: "processing" });
    expect(fake.intents.get(paymentIntentId)?.status).toBe("processing");
    let state = await paymentState(t.db, orderId);
    expect(state.payments[0]?.status).toBe("processing");
    expect(state.events.map((e) => e.type)).toEqual(["payment_processing"]);

    fake.succeed(paymentIntentId);
    expect(await cancelPayment(ctx(), { orderId })).toEqual({ changed: false, status: "succeeded" });
    state = await paymentState(t.db, orderId);
    expect(state.payments[0]?.status).toBe("succeeded");
    expect(state.events.map((e) => e.type)).not.toContain("payment_cancelled");
  });

  it("leaves a succeeded payment alone without asking the provider, and has nothing to do for an order without one", async () => {
    const { orderId, paymentIntentId } = await awaitingPayment();
    fake.succeed(paymentIntentId);
    await cancelPayment(ctx(), { orderId });
    const callsBefore = cancelCalls(paymentIntentId).length;

    expect(await cancelPayment(ctx(), { orderId })).toEqual({ changed: false, status: "succeeded" });
    expect(cancelCalls(paymentIntentId)).toHaveLength(callsBefore);
    expect(await cancelPayment(ctx(), { orderId: await insertPayableOrder(t.db) })).toEqual({ changed: false, status: null });
  });

  it("cancels a simulator payment without any network", async () => {
    const orderId = await insertPayableOrder(t.db);
    const simulator: ServiceContext = { db: t.db, actor: { type: "system", name: "test" }, payments: createSimulatorProvider() };
    await startPayment(simulator, { orderId });
    expect(await cancelPayment(simulator, { orderId })).toEqual({ changed: true, status: "cancelled" });
  });
});
