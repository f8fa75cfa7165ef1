import { cancelPendingOrder } from "../checkout/cancel-pending-order";
import { requireAdmin, type ServiceContext } from "../context";
import { conflict, notFound } from "../errors";
import { cancelPayment } from "../payments/cancel-payment";
import { selectOrderState } from "./order-queries";
import type { AdminCancelOrderInput, OrderStatus } from "./schemas";

const DEFAULT_REASON = "Cancelled by the shop";

/**
 * Cancels an unpaid order the way the checkout saga does: payment first (a payment that went through meanwhile stops
 * the cancellation), then the order and its stock. Paid orders are refunded instead.
 */
export async function adminCancelOrder(ctx: ServiceContext, input: AdminCancelOrderInput): Promise<{ orderId: string; status: OrderStatus }> {
  requireAdmin(ctx);
  const { orderId } = input;
  const reason = input.reason ?? DEFAULT_REASON;
  const before = await selectOrderState(ctx.db, orderId);
  if (!before) throw notFound("Order");
  const label = `Order #${before.number}`;
  if (before.status !== "pending") {
    throw conflict(`${label} cannot be cancelled: it is ${before.status === "paid" ? "paid (refund it instead)" : `already ${before.status}`}`);
  }
  const payment = await cancelPayment(ctx, { orderId });
  if (payment.status === "succeeded") throw conflict(`${label} cannot be cancelled: its payment has gone through, so it is being completed`);
  const { status } = await cancelPendingOrder(ctx, { orderId, reason });
  if (status !== "cancelled") throw conflict(`${label} became ${status} meanwhile and was not cancelled`);
  return { orderId, status };
}
