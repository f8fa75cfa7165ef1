import { eventData, type ReceivedEvent } from "../events";
import type { FunctionDefinition, Step } from "../step";
import { errorMessage, journal, readOrderState, type FunctionDeps, type OrderStatus, type OrderSteps } from "./order-state";
import { cancelOrder, completePaidOrder } from "./settle-order";

const DECIDED = new Set(["succeeded", "failed", "cancelled", "refunded", "partially_refunded"]);

/** Waits for the first of the two outcome events, or the expiry; which one came does not matter, the payments row decides. */
async function waitForPayment(step: Step, expiresAt: string): Promise<void> {
  const timeout = new Date(expiresAt);
  await Promise.race([
    step.waitForEvent({ id: "wait-for-payment-succeeded", parallelMode: "race" }, { event: "shop/payment.succeeded", timeout, match: "data.orderId" }),
    step.waitForEvent({ id: "wait-for-payment-failed", parallelMode: "race" }, { event: "shop/payment.failed", timeout, match: "data.orderId" }),
  ]);
}

/**
 * The checkout saga, one run per order: wait for the payment's outcome until the reservation expires, then complete
 * the order (commit stock, mark paid, announce shop/order.paid) or undo it (cancel the payment, release the stock,
 * cancel the order, announce shop/order.cancelled). The outcome is read from the payments row rather than taken
 * from the event, because an Inngest wait misses events sent before it began.
 */
export async function runCheckoutSaga({ event, step }: { event: ReceivedEvent; step: Step }, deps: FunctionDeps): Promise<OrderStatus> {
  const { orderId } = eventData("shop/order.placed", event);
  const s: OrderSteps = { step, ctx: deps.context("checkout-saga"), orderId, source: "saga" };

  let payment: string;
  try {
    const order = await journal(s, "load-order", () => readOrderState(s.ctx, orderId));
    if (order.status !== "pending") return order.status;
    if (!DECIDED.has(order.payment) && Date.parse(order.expiresAt) > Date.now()) await waitForPayment(step, order.expiresAt);
    payment = await journal(s, "read-payment-status", async () => (await readOrderState(s.ctx, orderId)).payment);
  } catch (error) {
    return cancelOrder(s, `checkout failed: ${errorMessage(error)}`);
  }

  if (payment === "succeeded") return completePaidOrder(s);
  return cancelOrder(s, payment === "failed" ? "payment declined" : "payment not received before the reservation expired");
}

export const checkoutSaga = (deps: FunctionDeps): FunctionDefinition => ({
  id: "checkout-saga",
  trigger: { event: "shop/order.placed" },
  key: "orderId",
  handler: (args) => runCheckoutSaga(args, deps),
});
