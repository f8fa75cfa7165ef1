import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { orders, paymentReconciliations } from "@/db/schema";
import { seedShop } from "@/server/checkout/checkout-test-fixtures";
import { adminGetOrder } from "@/server/orders/admin-get-order";
import { receiveStripeWebhook } from "@/server/payments/receive-stripe-webhook";
import { refundPayment } from "@/server/payments/refund-payment";
import { signStripePayload } from "@/server/payments/simulated-event";
import { createStripeProvider } from "@/server/payments/stripe-provider";
import { useTestDatabase } from "@/test/db";
import { startFakeStripe, type FakeEvent, type FakeStripe } from "@/test/fake-stripe";
import { checkout, installTestRunner, snapshot, stockedVariant } from "./saga-test-kit";

const t = useTestDatabase({ max: 20 });
let fake: FakeStripe;
let shop: Awaited<ReturnType<typeof seedShop>>;
let kit: Awaited<ReturnType<typeof installTestRunner>>;
const stripe = () => createStripeProvider({ secretKey: "sk_test_fake", apiBase: fake.url, maxNetworkRetries: 0, timeoutMs: 300 });
const DAY_S = 24 * 60 * 60;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "x".repeat(40);
  process.env.DATABASE_URL ??= t.url;
  fake = await startFakeStripe();
  shop = await seedShop(t.db);
});
afterAll(() => fake.close());
beforeEach(async () => {
  fake.recover();
  kit = await installTestRunner(t.db, stripe());
});
afterEach(() => kit.stop());

const intentOf = (orderId: string) => [...fake.intents.values()].find((i) => i.metadata.orderId === orderId)!;
const webhook = (event: FakeEvent) => {
  const payload = JSON.stringify(event);
  return receiveStripeWebhook({ db: t.db, actor: { type: "webhook", source: "stripe" }, payments: stripe() }, { payload, signature: signStripePayload(payload) });
};
const reconcile = async () => {
  const run = await kit.runner.tick("reconcile-payments");
  await kit.idle();
  return run;
};
const runs = () => t.db.select().from(paymentReconciliations).orderBy(paymentReconciliations.id);

async function until(check: () => Promise<boolean>) {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 25));
}

/** An order paid through the fake and completed by the runner. */
async function paidOrder(onHand = 1) {
  const variantId = await stockedVariant(t.db, shop, { east: onHand, west: 0 });
  const { orderId } = await checkout(t.db, stripe(), { variantId, quantity: 1 });
  const intent = intentOf(orderId);
  fake.succeed(intent.id);
  await webhook(fake.eventsOf("payment_intent.succeeded", intent.id)[0]!);
  await until(async () => (await snapshot(t.db, orderId, variantId)).order.status === "paid");
  return { orderId, variantId, intent };
}

/** An order cancelled at expiry while Stripe was down, so its intent stayed open there. */
async function cancelledWithOpenIntent() {
  const variantId = await stockedVariant(t.db, shop, { east: 1, west: 0 });
  const { orderId } = await checkout(t.db, stripe(), { variantId, quantity: 1 }, 300);
  fake.fail("error");
  await kit.idle();
  fake.recover();
  expect((await snapshot(t.db, orderId, variantId)).order.status).toBe("cancelled");
  return { orderId, variantId, intent: intentOf(orderId) };
}

describe("payments the provider decides late", () => {
  it("a bank debit still processing when the reservation ends: Stripe refuses the cancel, the order stays pending, and its success completes it", async () => {
    const variantId = await stockedVariant(t.db, shop, { east: 1, west: 0 });
    const { orderId } = await checkout(t.db, stripe(), { variantId, quantity: 1 }, 300);
    const intent = intentOf(orderId);
    fake.process(intent.id);
    await until(async () => (await snapshot(t.db, orderId, variantId)).payment === "processing");
    await kit.settled();

    let state = await snapshot(t.db, orderId, variantId);
    expect(state).toMatchObject({ order: { status: "pending" }, payment: "processing" });
    expect(intent.status).toBe("processing");

    fake.succeed(intent.id);
    await webhook(fake.eventsOf("payment_intent.succeeded", intent.id)[0]!);
    await kit.idle();
    state = await snapshot(t.db, orderId, variantId);
    expect(state).toMatchObject({ order: { status: "paid" }, payment: "succeeded", refunds: { count: 0 } });
    expect(kit.events.filter((e) => e.name === "shop/order.cancelled" && e.data.orderId === orderId)).toEqual([]);
  });

  it("a success 30 days after the order was cancelled is refunded, by webhook", async () => {
    const { orderId, variantId, intent } = await cancelledWithOpenIntent();
    await t.db.update(orders).set({ cancelledAt: sql`now() - interval '30 days'` }).where(eq(orders.id, orderId));
    fake.advance(30 * DAY_S);
    fake.succeed(intent.id);

    await webhook(fake.eventsOf("payment_intent.succeeded", intent.id)[0]!);
    await kit.idle();
    expect(await snapshot(t.db, orderId, variantId)).toMatchObject({ order: { status: "cancelled" }, payment: "refunded", refunds: { count: 1, amount: 2500 + 550 } });
    expect(fake.refunds.filter((r) => r.payment_intent === intent.id)).toHaveLength(1);
  });

  it("a success 30 days after the order was cancelled whose webhook never came is found by the reconciliation and refunded", async () => {
    const { orderId, variantId, intent } = await cancelledWithOpenIntent();
    fake.advance(30 * DAY_S);
    fake.succeed(intent.id);

    await reconcile();
    expect(await snapshot(t.db, orderId, variantId)).toMatchObject({ order: { status: "cancelled" }, payment: "refunded", refunds: { count: 1, amount: 2500 + 550 } });
    const view = await adminGetOrder({ db: t.db, actor: { type: "admin", userId: "admin-1" } }, { orderId });
    expect(view.reconciliation.map((e) => e.detail)).toEqual(["payment succeeded at the provider, recorded late"]);
  });
});

describe("hourly reconciliation against the fake Stripe, drift planted on purpose", () => {
  it("records a late success, a dashboard refund and a refund left pending; a second run repairs nothing", async () => {
    await reconcile(); // the window starts after whatever earlier tests left
    const late = await (async () => {
      const variantId = await stockedVariant(t.db, shop, { east: 1, west: 0 });
      const { orderId } = await checkout(t.db, stripe(), { variantId, quantity: 1 });
      await kit.settled();
      fake.succeed(intentOf(orderId).id); // its webhook is lost
      return { orderId, variantId };
    })();
    const dashboard = await paidOrder();
    fake.dashboardRefund(dashboard.intent.id, 1000); // made in Stripe's dashboard, webhook lost
    const pending = await paidOrder();
    fake.refundsWill("pending");
    await refundPayment({ db: t.db, actor: { type: "admin", userId: "admin-1" }, payments: stripe() }, { orderId: pending.orderId, expectedRefundedAmount: 0 });
    fake.recover();
    fake.settleRefund(fake.refunds.at(-1)!.id, "succeeded"); // refund.updated lost

    await reconcile();
    expect((await snapshot(t.db, late.orderId, late.variantId)).order.status).toBe("paid");
    expect(await snapshot(t.db, dashboard.orderId, dashboard.variantId)).toMatchObject({ order: { status: "paid" }, payment: "partially_refunded", refunds: { count: 1, amount: 1000 } });
    expect(await snapshot(t.db, pending.orderId, pending.variantId)).toMatchObject({ order: { status: "refunded" }, payment: "refunded", refunds: { count: 1, amount: 2500 + 550 } });

    const admin = { db: t.db, actor: { type: "admin", userId: "admin-1" } } as const;
    const dashboardView = await adminGetOrder(admin, { orderId: dashboard.orderId });
    expect(dashboardView.payment?.refunds).toMatchObject([{ amount: 1000, status: "succeeded", origin: "provider" }]);
    expect(dashboardView.reconciliation.map((e) => e.detail)).toEqual([expect.stringMatching(/^refund re_fake_\d+ of 1000 USD: succeeded at the provider, recorded$/)]);

    const run = (await runs()).at(-1);
    expect(run).toMatchObject({ provider: "stripe", repaired: 3, finishedAt: expect.any(Date) });
    expect(run!.checked).toBeGreaterThanOrEqual(3);
    expect(run!.detail).toHaveLength(3);

    await reconcile();
    expect((await runs()).at(-1)).toMatchObject({ repaired: 0, detail: [] });
  });
});
