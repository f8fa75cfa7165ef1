import { eventData, type ReceivedEvent } from "@/server/events/schemas";
import type { FunctionDefinition, Step } from "../step";
import { errorMessage, journal, readOrderState, type FunctionDeps, type OrderState, type OrderStatus, type OrderSteps } from "./order-state";
import { cancelOrder, completePaidOrder } from "./settle-order";

/** How long a payment the provider is still processing (a bank debit) is waited for, in rounds of a day. */
const PROCESSING_ROUNDS = 14;
const DAY_MS = 24 * 60 * 60_000;

/** Resolves when the order is paid or cancelled, or at `timeout`; which of them does not matter, the order's row decides. */
async function waitForSettlement(step: Step, suffix: string, timeout: Date | number): Promise<void> {
  const options = { timeout, match: "data.orderId" } as const;
  await Promise.race([
    step.waitForEvent({ id: `wait-for-order-paid${suffix}`, parallelMode: "race" }, { ...options, event: "shop/order.paid" }),
    step.waitForEvent({ id: `wait-for-order-cancelled${suffix}`, parallelMode: "race" }, { ...options, event: "shop/order.cancelled" }),
  ]);
}

/**
 * The checkout saga, one run per order, guarding the stock it holds. Payment outcomes do not pass through it: a success
 * completes the order at once (complete-paid-order), a decline leaves it pending so the shopper can try another card.
 * The saga waits until the order is settled or its reservation expires, then reads the order: still unpaid, it undoes
 * the checkout (cancel the payment, release the stock, cancel the order); a payment the provider is still processing
 * gets more time, a day at a time. An event the wait misses costs nothing, since the order's row is read after it.
 */
export async function runCheckoutSaga({ event, step }: { event: ReceivedEvent; step: Step }, deps: FunctionDeps): Promise<OrderStatus> {
  const { orderId } = eventData("shop/order.placed", event);
  const s: OrderSteps = { step, ctx: deps.context("checkout-saga"), orderId, source: "saga", runId: event.id ?? orderId };
  const read = (name: string) => journal(s, name, () => readOrderState(s.ctx, orderId));

  let order: OrderState;
  try {
    order = await read("load-order");
    if (order.status !== "pending") return order.status;
    await waitForSettlement(step, "", new Date(order.expiresAt));
    order = await read("read-order");
  } catch (error) {
    return cancelOrder(s, `checkout failed: ${errorMessage(error)}`);
  }

  for (let round = 1; ; round++) {
    if (order.status !== "pending") return order.status;
    if (order.payment === "succeeded") return completePaidOrder(s);
    if (order.payment !== "processing" || round > PROCESSING_ROUNDS) {
      const status = await cancelOrder(s, order.payment === "failed" ? "payment declined" : "payment not received before the reservation expired");
      if (status !== "pending" || round > PROCESSING_ROUNDS) return status;
    }
    await waitForSettlement(step, `-${round}`, DAY_MS);
    order = await read(`read-order-${round}`);
  }
}

export const checkoutSaga = (deps: FunctionDeps): FunctionDefinition => ({
  id: "checkout-saga",
  trigger: { event: "shop/order.placed" },
  key: "orderId",
  handler: (args) => runCheckoutSaga(args, deps),
});
