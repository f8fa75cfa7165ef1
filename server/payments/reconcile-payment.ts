import { eq } from "drizzle-orm";
import { orderEvents, orders, payments } from "@/db/schema";
import { withTransaction, type ServiceContext } from "../context";
import { flagPayment } from "./flag-payment";
import { paymentProviderFor } from "./payment-provider-for";
import { recordPaymentOutcome } from "./record-payment-outcome";
import { recordProviderRefund } from "./record-provider-refund";

/** The timeline type of a repair made by the reconciliation; the admin order page lists them. */
export const RECONCILED_EVENT = "reconciled";

export interface ReconciledPayment {
  paymentIntentId: string;
  orderId: string | null;
  /** What was repaired or flagged, one line each; empty when we already agreed with the provider. */
  repairs: string[];
}

/**
 * Compares one payment with the provider's view of it and repairs what drifted: an outcome we missed is recorded (a
 * late success then completes or refunds the order through shop/payment.succeeded), a refund we lack or left pending
 * is recorded. A success we cannot record (our payment was cancelled) is flagged for an admin. Each repair goes on the
 * order's timeline. Idempotent: run again, it finds nothing left to repair.
 */
export async function reconcilePayment(ctx: ServiceContext, input: { paymentIntentId: string }): Promise<ReconciledPayment> {
  const { paymentIntentId } = input;
  const [payment] = await ctx.db.select({ id: payments.id, orderId: payments.orderId, provider: payments.provider }).from(payments).where(eq(payments.providerPaymentId, paymentIntentId));
  const provider = paymentProviderFor(ctx);
  if (!payment || payment.provider !== provider.name) return { paymentIntentId, orderId: null, repairs: [] };
  const { orderId } = payment;

  const intent = await provider.retrievePaymentIntent(paymentIntentId);
  const providerRefunds = intent.status === "succeeded" ? await provider.listRefunds(paymentIntentId) : [];

  return withTransaction(ctx, async (tx) => {
    // Order row first, as every refund writer takes it, before the payment's.
    await tx.db.select({ id: orders.id }).from(orders).where(eq(orders.id, orderId)).for("update");
    const repairs: string[] = [];
    if (intent.status === "processing" || intent.status === "succeeded" || intent.status === "failed") {
      const charged = intent.amount !== undefined && intent.currency ? { amount: intent.amount, currency: intent.currency } : undefined;
      const recorded = await recordPaymentOutcome(tx, { paymentIntentId, outcome: intent.status, reason: intent.failureReason ?? undefined, charged });
      if (recorded.changed) repairs.push(`payment ${intent.status} at the provider, recorded late`);
      else if (recorded.flagged) repairs.push(`payment flagged: ${recorded.flagged}`);
      else if (intent.status === "succeeded" && recorded.status === "cancelled") {
        const reason = "the provider took this payment, which we recorded as cancelled: refund it by hand";
        if (await flagPayment(tx, { paymentId: payment.id, orderId, reason })) repairs.push(`payment flagged: ${reason}`);
      }
    }
    for (const refund of providerRefunds) {
      const recorded = await recordProviderRefund(tx, refund);
      if (recorded?.changed) repairs.push(`refund ${refund.id} of ${refund.amount} ${refund.currency}: ${recorded.status} at the provider, recorded`);
    }
    if (repairs.length > 0) await tx.db.insert(orderEvents).values(repairs.map((detail) => ({ orderId, type: RECONCILED_EVENT, detail })));
    return { paymentIntentId, orderId, repairs };
  });
}
