import type { Db } from "../db/client";
import { cartLines, carts } from "../db/schema";
import { InProcessRunner, installRunner } from "../inngest/runner";
import { shopFunctions } from "../inngest/functions/index";
import { startOutboxRelay } from "../inngest/relay";
import type { FunctionDefinition } from "../inngest/step";
import { placeOrder } from "../server/checkout/place-order";
import type { ServiceContext } from "../server/context";
import type { PaymentProvider } from "../server/payments/payment-provider";
import { receiveStripeWebhook } from "../server/payments/receive-stripe-webhook";
import { signStripePayload, simulatedPaymentEvent } from "../server/payments/simulated-event";
import { createCarrierSimulator } from "@/server/shipping/carrier-simulator";

const PAID_TIMEOUT_MS = 30_000;
const address = { name: "Bench Buyer", line1: "1 Load Street", city: "London", postalCode: "EC1A 1BB", country: "GB" };

/** The shop's functions on the bench database, installed as this process's runner and fed by the outbox relay, plus a hook on shop/order.paid. */
export async function installBenchRunner(db: Db, payments: PaymentProvider) {
  const paid = new Map<string, () => void>();
  const spy: FunctionDefinition = {
    id: "bench-order-paid",
    trigger: { event: "shop/order.paid" },
    handler: async ({ event }) => paid.get(String((event.data as { orderId: string }).orderId))?.(),
  };
  const runner = new InProcessRunner([...shopFunctions({ context: (job) => ({ db, actor: { type: "system", name: job }, payments }) }), spy]);
  installRunner(runner);
  const relay = await startOutboxRelay(db, (events) => runner.emit(events));
  const stop = async () => {
    installRunner(undefined);
    await relay.stop();
  };
  const untilPaid = (orderId: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        paid.delete(orderId);
        reject(new Error(`order ${orderId} not paid within ${PAID_TIMEOUT_MS} ms`));
      }, PAID_TIMEOUT_MS);
      paid.set(orderId, () => {
        clearTimeout(timer);
        paid.delete(orderId);
        resolve();
      });
    });
  return { runner, untilPaid, stop };
}

/**
 * `count` guest carts with 1-3 random lines and their checkout details, inserted in bulk before a measured run so the
 * run times checkout alone (carts are consumed: each places one order).
 */
export async function prepareGuestCarts(db: Db, variantIds: number[], count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let done = 0; done < count; done += 2000) {
    const rows = await db
      .insert(carts)
      .values(Array.from({ length: Math.min(2000, count - done) }, () => ({ email: "bench@emporium.test", shippingAddress: address, shippingMethod: "Ground" })))
      .returning({ id: carts.id });
    const lines = rows.flatMap(({ id }) => {
      const picked = new Set(Array.from({ length: 1 + Math.floor(Math.random() * 3) }, () => variantIds[Math.floor(Math.random() * variantIds.length)]!));
      return [...picked].map((variantId) => ({ cartId: id, variantId, quantity: 1 + Math.floor(Math.random() * 2), seenUnitAmount: 0 }));
    });
    await db.insert(cartLines).values(lines);
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

/** A guest's context for a cart: the verified cart cookie's id, as the tRPC context passes it. */
// The carrier simulator quotes shipping, as the app does without an EasyPost key, without reading the environment.
const carrier = createCarrierSimulator();
export const guestContext = (db: Db, payments: PaymentProvider, cartId: string): ServiceContext => ({ db, actor: { type: "anonymous" }, guestCartId: cartId, payments, carrier });

/** placeOrder, then the simulator's Stripe-signed payment_intent.succeeded through the webhook verb, then shop/order.paid through the outbox. */
export async function placeAndPay(ctx: ServiceContext, cartId: string, untilPaid: (orderId: string) => Promise<void>): Promise<number> {
  const started = performance.now();
  const order = await placeOrder(ctx, { cartId });
  const paid = untilPaid(order.orderId);
  paid.catch(() => undefined); // awaited below; this only stops a webhook failure from leaving it unhandled
  const event = simulatedPaymentEvent(
    { id: order.payment.paymentIntentId, amount: order.totalAmount, currency: order.currency, orderId: order.orderId },
    { outcome: "succeeded" },
  );
  const payload = JSON.stringify(event);
  const answer = await receiveStripeWebhook({ db: ctx.db, actor: { type: "webhook", source: "stripe" } }, { payload, signature: signStripePayload(payload) });
  if (answer.status !== 200 || answer.body.ignored) throw new Error(`webhook answered ${answer.status} ${JSON.stringify(answer.body)}`);
  await paid;
  return performance.now() - started;
}

/** The bare call: placeOrder alone (its order stays pending). */
export async function placeOnly(ctx: ServiceContext, cartId: string): Promise<number> {
  const started = performance.now();
  await placeOrder(ctx, { cartId });
  return performance.now() - started;
}
