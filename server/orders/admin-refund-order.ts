import { requireAdmin, type ServiceContext } from "../context";
import { conflict, notFound } from "../errors";
import { refundPayment } from "../payments/refund-payment";
import { selectOrderState } from "./order-queries";
import type { AdminRefundOrderInput, OrderStatus, PaymentStatus } from "./schemas";

export interface RefundResult {
  orderId: string;
  /** False when nothing was refunded because the form was submitted twice. */
  changed: boolean;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  refundedAmount: number;
}

/** Refunds part or all of what a paid order has not had back yet; the order becomes refunded once nothing is left. */
export async function adminRefundOrder(ctx: ServiceContext, input: AdminRefundOrderInput): Promise<RefundResult> {
  requireAdmin(ctx);
  const { orderId, reason } = input;
  const order = await selectOrderState(ctx.db, orderId);
  if (!order) throw notFound("Order");
  if (order.status !== "paid") throw conflict(`Order #${order.number} is ${order.status}: only paid orders can be refunded`);
  // refundPayment checks the amount against what is left while it holds the order's row lock.
  const { changed } = await refundPayment(ctx, { orderId, amount: input.amount, expectedRefundedAmount: input.expectedRefundedAmount, reason });
  const after = await selectOrderState(ctx.db, orderId);
  return { orderId, changed, status: after!.status, paymentStatus: after!.paymentStatus, refundedAmount: after!.refundedAmount };
}
