import { cancelPendingOrder } from "@/server/checkout/cancel-pending-order";
import { completeOrder } from "@/server/checkout/complete-order";
import { cancelPayment } from "@/server/payments/cancel-payment";
import { refundPayment } from "@/server/payments/refund-payment";
import { errorMessage, journal, type OrderStatus, type OrderSteps } from "./order-state";

/**
 * The payment succeeded: commit the stock and mark the order paid (completeOrder announces it through the outbox). If
 * the order can no longer be completed (it was cancelled meanwhile, or the step failed for good), give the money back.
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
  return status;
}

/**
 * Undoes a checkout in the reverse order of placeOrder: cancel the PaymentIntent, then release the stock and cancel the
 * order (cancelPendingOrder announces it through the outbox). A payment found to have succeeded meanwhile completes the
 * order instead, and one the provider is still processing leaves it pending ("pending" is returned: ask again later).
 * A payment already known to have succeeded (`paid`: the order could not be completed) is refunded. Every step is an
 * idempotent verb, so retries are harmless.
 */
export async function cancelOrder(s: OrderSteps, reason: string, options: { paid?: boolean } = {}): Promise<OrderStatus> {
  let payment = "succeeded";
  let paymentError: unknown;
  if (!options.paid) {
    try {
      payment = await journal(s, "cancel-payment", async () => (await cancelPayment(s.ctx, { orderId: s.orderId })).status ?? "none");
    } catch (error) {
      // The order is cancelled all the same: should the still-open payment succeed later, it is refunded.
      [payment, paymentError] = ["unknown", error];
    }
    if (payment === "succeeded") return completePaidOrder(s);
    if (payment === "processing") return "pending";
  }
  const order = await journal(s, "cancel-order", async () => {
    const { changed, status } = await cancelPendingOrder(s.ctx, { orderId: s.orderId, reason });
    return { changed, status };
  });
  // Paid or refunded by another path (an admin, the reconciliation): nothing of ours to undo.
  if (order.status !== "cancelled") return order.status;
  if (payment === "succeeded") {
    await journal(s, "refund-payment", async () => (await refundPayment(s.ctx, { orderId: s.orderId, reason, expectedRefundedAmount: 0 })).paymentStatus);
  }
  if (paymentError) throw new Error(`order cancelled, but its payment could not be cancelled: ${errorMessage(paymentError)}`);
  return "cancelled";
}
