import { and, eq, sql, type SQL } from "drizzle-orm";
import { orderEvents, payments } from "@/db/schema";
import { withTransaction, type ServiceContext } from "../context";
import { notFound } from "../errors";
import { writeEvent } from "../events/write-event";
import { flagPayment } from "./flag-payment";

export type PaymentOutcome = "processing" | "succeeded" | "failed";
type PaymentStatus = (typeof payments.$inferSelect)["status"];

export type RecordPaymentOutcomeInput = {
  outcome: PaymentOutcome;
  reason?: string;
  /** What the provider says the intent charges: when it is not what we opened, the payment is flagged and left as it was. */
  charged?: { amount: number; currency: string };
} & ({ orderId: string; paymentIntentId?: string } | { orderId?: string; paymentIntentId: string });

export interface RecordedPaymentOutcome {
  /** False when the payment was already past this outcome (a duplicate, or a late failure after success), or was flagged. */
  changed: boolean;
  orderId: string;
  paymentIntentId: string;
  status: PaymentStatus;
  /** Why the report was not believed (amount or currency differ from ours); the admin order page shows it. */
  flagged?: string;
}

// Forward only: a failed attempt may still be followed by another (a bank debit, another card); a success is final.
const MOVES_FROM: Record<PaymentOutcome, PaymentStatus[]> = {
  processing: ["awaiting", "failed"],
  succeeded: ["awaiting", "processing", "failed"],
  failed: ["awaiting", "processing"],
};

const TIMELINE: Record<PaymentOutcome, string> = { processing: "payment_processing", succeeded: "payment_succeeded", failed: "payment_failed" };

function mismatch(ours: { amount: number; currency: string }, charged: { amount: number; currency: string }): string | null {
  if (ours.amount === charged.amount && ours.currency.toUpperCase() === charged.currency.toUpperCase()) return null;
  return `provider reported ${charged.amount} ${charged.currency.toUpperCase()}, we opened ${ours.amount} ${ours.currency}`;
}

/**
 * Applies what the provider says happened to a payment, from the webhook, the browser's confirmation or the
 * reconciliation, in whatever order they arrive: under the payment's row lock, only the first of several equal reports
 * changes anything, and only that one writes shop/payment.<outcome> to the outbox, in the same transaction.
 */
export async function recordPaymentOutcome(ctx: ServiceContext, input: RecordPaymentOutcomeInput): Promise<RecordedPaymentOutcome> {
  const { outcome } = input;
  const match: SQL[] = [];
  if (input.orderId) match.push(eq(payments.orderId, input.orderId));
  if (input.paymentIntentId) match.push(eq(payments.providerPaymentId, input.paymentIntentId));

  return withTransaction(ctx, async (tx) => {
    const [payment] = await tx.db
      .select({ id: payments.id, orderId: payments.orderId, paymentIntentId: payments.providerPaymentId, status: payments.status, amount: payments.amount, currency: payments.currency })
      .from(payments)
      .where(and(...match))
      .for("update");
    if (!payment) throw notFound("Payment");
    const current = { changed: false, orderId: payment.orderId, paymentIntentId: payment.paymentIntentId, status: payment.status };

    const flagged = input.charged && mismatch(payment, input.charged);
    if (flagged) {
      await flagPayment(tx, { paymentId: payment.id, orderId: payment.orderId, reason: `${outcome} not believed: ${flagged}` });
      return { ...current, flagged };
    }
    if (!MOVES_FROM[outcome].includes(payment.status)) return current;

    await tx.db.update(payments).set({ status: outcome, updatedAt: sql`now()` }).where(eq(payments.id, payment.id));
    const moved = { orderId: payment.orderId, paymentIntentId: payment.paymentIntentId };
    const reason = input.reason ?? "declined";
    await tx.db.insert(orderEvents).values({ orderId: moved.orderId, type: TIMELINE[outcome], detail: outcome === "failed" ? reason : moved.paymentIntentId });
    if (outcome === "failed") await writeEvent(tx, { name: "shop/payment.failed", data: { ...moved, reason } });
    else if (outcome === "processing") await writeEvent(tx, { name: "shop/payment.processing", data: moved });
    else await writeEvent(tx, { name: "shop/payment.succeeded", data: moved }, { key: `payment-succeeded-${moved.paymentIntentId}` });
    return { ...current, changed: true, status: outcome };
  });
}
