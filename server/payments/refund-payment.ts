import { eq, sql } from "drizzle-orm";
import { orderEvents, orders, payments, refunds } from "@/db/schema";
import { withTransaction, type ServiceContext } from "../context";
import { conflict, DomainError, invalid, notFound } from "../errors";
import { paymentProviderFor } from "./payment-provider-for";

export interface RefundPaymentInput {
  orderId: string;
  /** Minor units; omitted = everything not refunded yet. */
  amount?: number;
  /**
   * The refunded amount the caller saw before asking. When given and no longer current, the refund is taken as already
   * done (a double submit or a retry) and nothing happens.
   */
  expectedRefundedAmount?: number;
  reason?: string;
}

export interface RefundPaymentResult {
  changed: boolean;
  refundedAmount: number;
  paymentStatus: (typeof payments.$inferSelect)["status"];
}

const REFUNDABLE = new Set(["succeeded", "partially_refunded", "refunded"]);

/**
 * Gives back all or part of a captured payment. The order row stays locked from the check to the record, so refunds of
 * one order run one at a time, and the provider's idempotency key is derived from the amount already refunded: a retry
 * after a crash reuses it and the provider refunds once. orders_refund_within_total bounds the sum in SQL as well.
 */
export async function refundPayment(ctx: ServiceContext, input: RefundPaymentInput): Promise<RefundPaymentResult> {
  if (ctx.actor.type !== "admin" && ctx.actor.type !== "system") throw new DomainError("Forbidden", "only the shop can refund payments");
  const { orderId } = input;

  return withTransaction(ctx, async (tx) => {
    const [order] = await tx.db
      .select({ totalAmount: orders.totalAmount, refundedAmount: orders.refundedAmount, currency: orders.currency })
      .from(orders)
      .where(eq(orders.id, orderId))
      .for("update");
    if (!order) throw notFound("Order");
    const [payment] = await tx.db
      .select({ id: payments.id, paymentIntentId: payments.providerPaymentId, status: payments.status })
      .from(payments)
      .where(eq(payments.orderId, orderId));
    if (!payment || !REFUNDABLE.has(payment.status)) throw conflict("This order has no captured payment to refund");

    const unchanged = { changed: false, refundedAmount: order.refundedAmount, paymentStatus: payment.status };
    if (input.expectedRefundedAmount !== undefined && input.expectedRefundedAmount !== order.refundedAmount) return unchanged;
    const left = order.totalAmount - order.refundedAmount;
    const amount = input.amount ?? left;
    if (input.amount === undefined && left === 0) return unchanged;
    if (!Number.isInteger(amount) || amount <= 0 || amount > left) {
      const message = `Enter a whole amount between 1 and ${left} (minor units left to refund)`;
      throw invalid(message, { amount: message });
    }

    const refund = await paymentProviderFor(tx).refund({
      paymentIntentId: payment.paymentIntentId,
      amount,
      idempotencyKey: `order-${orderId}-refund-${order.refundedAmount}-${amount}`,
    });
    const full = amount === left;
    const paymentStatus = full ? "refunded" : "partially_refunded";
    await tx.db
      .update(orders)
      .set({
        refundedAmount: sql`${orders.refundedAmount} + ${amount}`,
        ...(full && { status: sql`case when ${orders.status} = 'paid' then 'refunded'::order_status else ${orders.status} end` }),
        updatedAt: sql`now()`,
      })
      .where(eq(orders.id, orderId));
    await tx.db.update(payments).set({ status: paymentStatus, updatedAt: sql`now()` }).where(eq(payments.id, payment.id));
    await tx.db.insert(refunds).values({ paymentId: payment.id, providerRefundId: refund.id, amount, reason: input.reason ?? null });
    await tx.db.insert(orderEvents).values({
      orderId,
      type: "refunded",
      detail: `${full ? "Refund" : "Partial refund"} of ${amount} ${order.currency} (minor units), ${refund.id}`,
    });
    return { changed: true, refundedAmount: order.refundedAmount + amount, paymentStatus };
  });
}
