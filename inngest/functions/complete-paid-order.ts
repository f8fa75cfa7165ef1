import { eventData, type ReceivedEvent } from "@/server/events/schemas";
import type { FunctionDefinition, Step } from "../step";
import type { FunctionDeps, OrderStatus, OrderSteps } from "./order-state";
import { completePaidOrder } from "./settle-order";

/**
 * A payment succeeded: complete its order at once (commit the stock, mark it paid), or refund the money when the order
 * was cancelled first, however long ago. Whenever the success arrives, before or during the checkout saga's wait.
 */
export function runCompletePaidOrder({ event, step }: { event: ReceivedEvent; step: Step }, deps: FunctionDeps): Promise<OrderStatus> {
  const { orderId } = eventData("shop/payment.succeeded", event);
  const s: OrderSteps = { step, ctx: deps.context("complete-paid-order"), orderId, source: "saga", runId: event.id ?? orderId };
  return completePaidOrder(s);
}

export const completePaidOrderFunction = (deps: FunctionDeps): FunctionDefinition => ({
  id: "complete-paid-order",
  trigger: { event: "shop/payment.succeeded" },
  key: "orderId",
  handler: (args) => runCompletePaidOrder(args, deps),
});
