import { eq, sql } from "drizzle-orm";
import { orderEvents, orders, payments, refunds } from "@/db/schema";
import { withTransaction, type ServiceContext } from "../context";
import { notFound } from "../errors";
import { writeEvent } from "../events/write-event";
import type { ProviderRefund } from "./payment-provider";

type RefundStatus = (typeof refunds.$inferSelect)["status"];
type PaymentStatus = (typeof payments.$inferSelect)["status"];

/** The provider's answer; `id` is null when it refused before creating a refund. */
export type RefundOutcome = Pick<ProviderRefund, "status" | "failureReason"> & { id: string | null };

export interface RecordedRefundOutcome {
  /** True only for the call that moved the refund out of pending. */
  changed: boolean;
  status: RefundStatus;
  refundedAmount: number;
  paymentStatus: PaymentStatus;
}

/**
 * Applies the provider's answer to one of our refund rows, under the order's row lock. A refund that succeeded adds its
 * amount to the order (refunded once nothing is left), moves the payment to partially_refunded or refunded, goes on the
 * timeline and announces shop/order.refunded; a failed one gives nothing back; a pending one only learns its provider id.
 * Only a pending row moves, so whichever of the shop, the webhook and the reconciliation reports first decides.
 */
export async function recordRefundOutcome(ctx: ServiceContext, input: { refundId: string; outcome: RefundOutcome }): Promise<RecordedRefundOutcome> {
  const { refundId, outcome } = input;
  return withTransaction(ctx, async (tx) => {
    const [owner] = await tx.db.select({ orderId: payments.orderId }).from(refunds).innerJoin(payments, eq(payments.id, refunds.paymentId)).where(eq(refunds.id, refundId));
    if (!owner) throw notFound("Refund");
    const { orderId } = owner;
    const [order] = await tx.db
      .select({ totalAmount: orders.totalAmount, refundedAmount: orders.refundedAmount, currency: orders.currency })
      .from(orders)
      .where(eq(orders.id, orderId))
      .for("update");
    const [refund] = await tx.db
      .select({ amount: refunds.amount, status: refunds.status, origin: refunds.origin, paymentId: refunds.paymentId, paymentStatus: payments.status })
      .from(refunds)
      .innerJoin(payments, eq(payments.id, refunds.paymentId))
      .where(eq(refunds.id, refundId));
    if (!order || !refund) throw notFound("Refund");
    const current = { changed: false, status: refund.status, refundedAmount: order.refundedAmount, paymentStatus: refund.paymentStatus };
    if (refund.status !== "pending") return current;

    if (outcome.status === "pending") {
      if (outcome.id) await tx.db.update(refunds).set({ providerRefundId: outcome.id, updatedAt: sql`now()` }).where(eq(refunds.id, refundId));
      return current;
    }
    const by = refund.origin === "provider" ? " at the provider" : "";
    if (outcome.status === "failed") {
      const failureReason = outcome.failureReason ?? "failed";
      await tx.db
        .update(refunds)
        .set({ status: "failed", failureReason, updatedAt: sql`now()`, ...(outcome.id && { providerRefundId: outcome.id }) })
        .where(eq(refunds.id, refundId));
      await tx.db.insert(orderEvents).values({ orderId, type: "refund_failed", detail: `Refund of ${refund.amount} ${order.currency}${by} failed: ${failureReason}` });
      return { ...current, changed: true, status: "failed" as const };
    }

    const refundedAmount = order.refundedAmount + refund.amount;
    const full = refundedAmount === order.totalAmount;
    const paymentStatus = full ? "refunded" : "partially_refunded";
    await tx.db.update(refunds).set({ status: "succeeded", providerRefundId: outcome.id, updatedAt: sql`now()` }).where(eq(refunds.id, refundId));
    await tx.db
      .update(orders)
      .set({
        refundedAmount,
        ...(full && { status: sql`case when ${orders.status} = 'paid' then 'refunded'::order_status else ${orders.status} end` }),
        updatedAt: sql`now()`,
      })
      .where(eq(orders.id, orderId));
    await tx.db.update(payments).set({ status: paymentStatus, updatedAt: sql`now()` }).where(eq(payments.id, refund.paymentId));
    await tx.db.insert(orderEvents).values({
      orderId,
      type: "refunded",
      detail: `${full ? "Refund" : "Partial refund"} of ${refund.amount} ${order.currency} (minor units)${by}, ${outcome.id}`,
    });
    await writeEvent(
      tx,
      { name: "shop/order.refunded", data: { orderId, refundId, amount: refund.amount, currency: order.currency, full } },
      { key: `order-refunded-${refundId}` },
    );
    return { changed: true, status: "succeeded" as const, refundedAmount, paymentStatus };
  });
}
