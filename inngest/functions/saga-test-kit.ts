import { eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach } from "vitest";
import type { Db } from "@/db/client";
import { orderEvents, orders, refunds, payments } from "@/db/schema";
import { insertCart, insertShopper, insertVariant, seedShop, stockOf } from "@/server/checkout/checkout-test-fixtures";
import { createOrderFromCart } from "@/server/checkout/create-order-from-cart";
import type { ServiceContext } from "@/server/context";
import { orderColumns } from "@/server/orders/order-queries";
import { setSigningEnv } from "@/server/orders/test-fixtures";
import type { PaymentProvider } from "@/server/payments/payment-provider";
import { recordPaymentOutcome } from "@/server/payments/record-payment-outcome";
import { startPayment } from "@/server/payments/start-payment";
import type { ReceivedEvent, ShopEvent } from "@/server/events/schemas";
import { InProcessRunner, installRunner, type RunRecord } from "../runner";
import { startOutboxRelay } from "../relay";
import type { FunctionDefinition, Step, StepId } from "../step";
import { shopFunctions } from "./index";
import type { FunctionDeps } from "./order-state";
import { createCarrierSimulator } from "@/server/shipping/carrier-simulator";

/**
 * The shop's functions on a test database and payment provider, installed as this process's runner and fed by an outbox
 * relay on that database, as in the app, plus a spy on the order events. `settled()` and `idle()` wait for the runner
 * and for the outbox to be empty, since a run's writes can announce more events.
 */
export async function installTestRunner(db: Db, payments: PaymentProvider) {
  // The order emails the functions send sign their links and read the shop's URL from the environment.
  setSigningEnv();
  const deps: FunctionDeps = { context: (job) => ({ db, actor: { type: "system", name: job }, payments }) };
  const events: ReceivedEvent[] = [];
  const failed: RunRecord[] = [];
  const spies: FunctionDefinition[] = (["shop/order.paid", "shop/order.cancelled"] as const).map((name) => ({
    id: `spy-${name}`,
    trigger: { event: name },
    handler: async ({ event }) => events.push(event),
  }));
  const runner = new InProcessRunner([...shopFunctions(deps), ...spies], { backoffMs: () => 0, onRunFailed: (run) => failed.push(run) });
  installRunner(runner);
  const relay = await startOutboxRelay(db, (batch) => runner.emit(batch), { sweepMs: 50 });
  const quiet = async (wait: () => Promise<void>) => {
    for (;;) {
      await relay.wake();
      await wait();
      const [left] = await db.execute<{ n: number }>(sql`select count(*)::int as n from outbox where delivered_at is null`);
      if (left!.n === 0) return;
    }
  };
  return {
    runner,
    relay,
    deps,
    events,
    failed,
    settled: () => quiet(() => runner.settled()),
    idle: () => quiet(() => runner.idle()),
    async stop() {
      installRunner(undefined);
      await relay.stop();
    },
  };
}

type Shop = Awaited<ReturnType<typeof seedShop>>;

/**
 * For a test file whose functions run on the in-process runner: the app's environment pointed at the file's database,
 * a shop seeded once, and a fresh runner and relay per test (`kit`), stopped after it.
 */
export function useShopRunner(t: { db: Db; url: string }, payments: PaymentProvider) {
  const handle = {} as { shop: Shop; kit: Awaited<ReturnType<typeof installTestRunner>> };
  beforeAll(async () => {
    process.env.DATABASE_URL = t.url;
    process.env.NEXTAUTH_SECRET ??= "x".repeat(40);
    handle.shop = await seedShop(t.db);
  });
  beforeEach(async () => {
    handle.kit = await installTestRunner(t.db, payments);
  });
  afterEach(() => handle.kit.stop());
  return handle;
}

/** A variant with `onHand` units in each of the shop's two warehouses. */
export function stockedVariant(db: Db, shop: Shop, onHand: { east: number; west: number }) {
  return insertVariant(db, shop.categoryId, {
    priceAmount: 2500,
    stock: [
      { warehouseId: shop.east, onHand: onHand.east },
      { warehouseId: shop.west, onHand: onHand.west },
    ],
  });
}

/**
 * What placeOrder does, with a reservation lasting `ttlMs`: the order, its reservation and shop/order.placed, then the
 * payment (which may throw when the provider is down: the order stays, as in placeOrder).
 */
export async function checkout(db: Db, payments: PaymentProvider, line: { variantId: number; quantity: number }, ttlMs = 15 * 60_000) {
  const userId = await insertShopper(db);
  const cartId = await insertCart(db, { userId, lines: [line] });
  const ctx: ServiceContext = { db, actor: { type: "shopper", userId }, payments, carrier: createCarrierSimulator() };
  const { orderId } = await createOrderFromCart(ctx, { cartId, reservationTtlMs: ttlMs });
  const payment = await startPayment(ctx, { orderId }).catch((error: Error) => error);
  return { orderId, payment };
}

/** The provider's verdict as the webhook reports it: recorded, and announced through the outbox. */
export async function reportPayment(db: Db, orderId: string, outcome: "succeeded" | "failed") {
  const ctx: ServiceContext = { db, actor: { type: "webhook", source: "stripe" } };
  await recordPaymentOutcome(ctx, { orderId, outcome, reason: outcome === "failed" ? "card_declined" : undefined });
}

/** Everything a shopper, an admin or the warehouse could check about an order and its stock. */
export async function snapshot(db: Db, orderId: string, variantId: number) {
  const [order] = await db.select({ status: orders.status, paymentStatus: orderColumns.paymentStatus, cancelReason: orders.cancelReason }).from(orders).where(eq(orders.id, orderId));
  const [payment] = await db.select({ status: payments.status }).from(payments).where(eq(payments.orderId, orderId));
  const [refunded] = await db.execute<{ count: number; amount: number }>(sql`
    select count(*)::int as count, coalesce(sum(r.amount), 0)::int as amount
      from ${refunds} r join ${payments} p on p.id = r.payment_id where p.order_id = ${orderId}`);
  const timeline = await db.select({ type: orderEvents.type }).from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(orderEvents.id);
  const stock = await stockOf(db, variantId);
  return { order: order!, payment: payment?.status ?? null, refunds: refunded!, timeline: timeline.map((e) => e.type), stock };
}

/** A step that runs everything at once, answers waits from a script and throws at one chosen step id. */
export function scriptedStep(script: { failAt?: string; outcome?: ShopEvent } = {}) {
  const sent: ShopEvent[] = [];
  const ids: string[] = [];
  const enter = (id: StepId) => {
    const name = typeof id === "string" ? id : id.id;
    ids.push(name);
    if (name === script.failAt) throw new Error(`scripted failure at ${name}`);
  };
  const step: Step = {
    run: async (id, fn) => (enter(id), fn()),
    sendEvent: async (id, events) => (enter(id), sent.push(...(Array.isArray(events) ? events : [events]))),
    sleep: async (id) => enter(id),
    waitForEvent: async (id, options) => {
      enter(id);
      return script.outcome?.name === options.event ? { ...script.outcome, ts: Date.now() } : null;
    },
  };
  return { step, sent, ids };
}
