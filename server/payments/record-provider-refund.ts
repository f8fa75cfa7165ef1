import { and, eq, or } from "drizzle-orm";
import { orders, payments, refunds } from "@/db/schema";
import { withTransaction, type ServiceContext } from "../context";
import type { ProviderRefund } from "./payment-provider";
import { recordRefundOutcome } from "./record-refund-outcome";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RecordedProviderRefund {
  refundId: string;
  orderId: string;
  /** True when this report taught us something: a refund we did not know of, or the end of a pending one. */
  changed: boolean;
  status: (typeof refunds.$inferSelect)["status"];
}

/**
 * A refund as the provider reports it (refund webhooks, the reconciliation): matched to our row by the provider's id or
 * by our id in its metadata, else recorded as made at the provider (its dashboard); then its outcome is applied.
 * Null when the payment is not one of ours.
 */
export async function recordProviderRefund(ctx: ServiceContext, refund: ProviderRefund): Promise<RecordedProviderRefund | null> {
  return withTransaction(ctx, async (tx) => {
    const [payment] = await tx.db.select({ id: payments.id, orderId: payments.orderId }).from(payments).where(eq(payments.providerPaymentId, refund.paymentIntentId));
    if (!payment) return null;
    // The order's lock orders this with refundPayment and recordRefundOutcome, so a refund is matched or inserted once.
    await tx.db.select({ id: orders.id }).from(orders).where(eq(orders.id, payment.orderId)).for("update");
    const ours = refund.refundId && UUID.test(refund.refundId) ? eq(refunds.id, refund.refundId) : undefined;
    const [found] = await tx.db
      .select({ id: refunds.id })
      .from(refunds)
      .where(and(eq(refunds.paymentId, payment.id), or(eq(refunds.providerRefundId, refund.id), ours)));
    let refundId = found?.id;
    if (!refundId) {
      const [row] = await tx.db
        .insert(refunds)
        .values({ paymentId: payment.id, providerRefundId: refund.id, amount: refund.amount, origin: "provider" })
        .returning({ id: refunds.id });
      refundId = row!.id;
    }
    const recorded = await recordRefundOutcome(tx, { refundId, outcome: refund });
    return { refundId, orderId: payment.orderId, changed: !found || recorded.changed, status: recorded.status };
  });
}
