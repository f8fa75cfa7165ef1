import { cancelPendingOrder } from "../checkout/cancel-pending-order";
import { requireAdmin, type ServiceContext } from "../context";
import { conflict, notFound } from "../errors";
import { cancelPayment } from "../payments/cancel-payment";
import { cancelPaidOrder, type CancelPaidOrderResult } from "./cancel-paid-order";
import { selectOrderState } from "./order-queries";
import type { AdminCancelOrderInput, OrderStatus } from "./schemas";

const DEFAULT_REASON = "Cancelled by the shop";

export type AdminCancelOrderResult = { orderId: string; status: OrderStatus; refund?: CancelPaidOrderResult["refund"] };

/**
 * Cancels an order from the admin page. An unpaid one goes the way the checkout saga cancels: payment first (a payment
 * that went through meanwhile stops the cancellation), then the order and its stock. A paid one that has not shipped is
 * cancelled and refunded by cancelPaidOrder (full admins only), which also answers an order already cancelled.
 */
export async function adminCancelOrder(ctx: ServiceContext, input: AdminCancelOrderInput): Promise<AdminCancelOrderResult> {
  requireAdmin(ctx);
  const { orderId } = input;
  const reason = input.reason ?? DEFAULT_REASON;
  const before = await selectOrderState(ctx.db, orderId);
  if (!before) throw notFound("Order");
  if (before.status !== "pending") return cancelPaidOrder(ctx, { orderId, reason, notifyCustomer: input.notifyCustomer ?? true });
  const label = `Order #${before.number}`;
  const payment = await cancelPayment(ctx, { orderId });
  if (payment.status === "succeeded") throw conflict(`${label} cannot be cancelled: its payment has gone through, so it is being completed`);
  const { status } = await cancelPendingOrder(ctx, { orderId, reason });
  if (status !== "cancelled") throw conflict(`${label} became ${status} meanwhile and was not cancelled`);
  return { orderId, status };
}
