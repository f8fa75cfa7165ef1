import { cancelPendingOrder } from "@/server/checkout/cancel-pending-order";
import { completeOrder } from "@/server/checkout/complete-order";
import { cancelPayment } from "@/server/payments/cancel-payment";
import { refundPayment } from "@/server/payments/refund-payment";
import { errorMessage, journal, stepId, type OrderStatus, type OrderSteps } from "./order-state";

/**
 * The payment succeeded: commit the stock and mark the order paid, then announce it. If the order can no longer be
 * completed (it was cancelled meanwhile, or the step failed for good), cancel it and give the money back.
 */
export async function completePaidOrder(s: OrderSteps): Promise<OrderStatus> {
  let status: OrderStatus;
  try {
    status = await journal(s, "complete-order", async () => (await completeOrder(s.ctx, { orderId: s.orderId })).status);
  } catch (error) {
    return cancelOrder(s, `could not complete the order: ${errorMessage(error)}`, { paid: true });
  }
  if (status === "pending" || status === "cancelled") {
    return cancelOrder(s, "the order was closed before its payment could be taken into account", { paid: true });
  }
  // A sale is not undone because its announcement failed: the run fails visibly instead.
  await s.step.sendEvent(stepId(s, "send-order-paid"), { name: "shop/order.paid", data: { orderId: s.orderId }, id: `order-paid-${s.orderId}` });
  return status;
}

/**
 * Undoes a checkout in the reverse order of placeOrder: cancel the PaymentIntent, then release the stock and cancel the
 * order. A payment found to have succeeded meanwhile completes the order instead; one already known to have succeeded
 * (`paid`: the order could not be completed) is refunded. Every step is an idempotent verb, so retries are harmless.
 */
export async function cancelOrder(s: OrderSteps, reason: string, options: { paid?: boolean } = {}): Promise<OrderStatus> {
  let payment = "succeeded";
  let paymentError: unknown;
  if (!options.paid) {
    try {
      payment = await journal(s, "cancel-payment", async () => (await cancelPayment(s.ctx, { orderId: s.orderId })).status ?? "none");
    } catch (error) {
      // The order is cancelled all the same: should the still-open payment succeed later, the sweeper refunds it.
      [payment, paymentError] = ["unknown", error];
    }
    if (payment === "succeeded") return completePaidOrder(s);
  }

  const order = await journal(s, "cancel-order", async () => {
    const { changed, status } = await cancelPendingOrder(s.ctx, { orderId: s.orderId, reason });
    return { changed, status };
  });
  // Paid or refunded by another path (the sweeper, an admin): nothing of ours to undo.
  if (order.status !== "cancelled") return order.status;

  if (payment === "succeeded") {
    await journal(s, "refund-payment", async () => (await refundPayment(s.ctx, { orderId: s.orderId, reason })).paymentStatus);
  }
  if (order.changed) {
    await s.step.sendEvent(stepId(s, "send-order-cancelled"), {
      name: "shop/order.cancelled",
      data: { orderId: s.orderId, reason },
      id: `order-cancelled-${s.orderId}`,
    });
  }
  if (paymentError) throw new Error(`order cancelled, but its payment could not be cancelled: ${errorMessage(paymentError)}`);
  return "cancelled";
}
