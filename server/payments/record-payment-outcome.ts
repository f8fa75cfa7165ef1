import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { orderEvents, payments } from "@/db/schema";
import { withTransaction, type ServiceContext } from "../context";
import { notFound } from "../errors";
import { writeEvent } from "../events/write-event";

export type PaymentOutcome = "succeeded" | "failed";
type PaymentStatus = (typeof payments.$inferSelect)["status"];

export type RecordPaymentOutcomeInput = { outcome: PaymentOutcome; reason?: string } & ({ orderId: string; paymentIntentId?: string } | { orderId?: string; paymentIntentId: string });

export interface RecordedPaymentOutcome {
  /** False when the payment was already past this outcome (a duplicate, or a late failure after success). */
  changed: boolean;
  orderId: string;
  paymentIntentId: string;
  status: PaymentStatus;
}

// Forward only: a failed attempt may still be followed by a success (another card); a success is final.
const MOVES_FROM: Record<PaymentOutcome, PaymentStatus[]> = {
  succeeded: ["awaiting", "failed"],
  failed: ["awaiting"],
};

/**
 * Applies what the provider says happened to a payment, from the webhook or the browser's confirmation, in whatever
 * order they arrive: one conditional UPDATE decides, so only the first of several equal reports changes anything, and
 * only that one writes shop/payment.succeeded or shop/payment.failed to the outbox, in the same transaction.
 */
export async function recordPaymentOutcome(ctx: ServiceContext, input: RecordPaymentOutcomeInput): Promise<RecordedPaymentOutcome> {
  const { outcome } = input;
  const match: SQL[] = [];
  if (input.orderId) match.push(eq(payments.orderId, input.orderId));
  if (input.paymentIntentId) match.push(eq(payments.providerPaymentId, input.paymentIntentId));

  return withTransaction(ctx, async (tx) => {
    const [moved] = await tx.db
      .update(payments)
      .set({ status: outcome, updatedAt: sql`now()` })
      .where(and(...match, inArray(payments.status, MOVES_FROM[outcome])))
      .returning({ orderId: payments.orderId, paymentIntentId: payments.providerPaymentId });
    if (!moved) {
      const [current] = await tx.db
        .select({ orderId: payments.orderId, paymentIntentId: payments.providerPaymentId, status: payments.status })
        .from(payments)
        .where(and(...match));
      if (!current) throw notFound("Payment");
      return { changed: false, ...current };
    }
    const reason = input.reason ?? "declined";
    await tx.db.insert(orderEvents).values({
      orderId: moved.orderId,
      type: outcome === "succeeded" ? "payment_succeeded" : "payment_failed",
      detail: outcome === "succeeded" ? moved.paymentIntentId : reason,
    });
    await writeEvent(
      tx,
      outcome === "succeeded"
        ? { name: "shop/payment.succeeded", data: moved }
        : { name: "shop/payment.failed", data: { ...moved, reason } },
      { key: outcome === "succeeded" ? `payment-succeeded-${moved.paymentIntentId}` : undefined },
    );
    return { changed: true, status: outcome, ...moved };
  });
}
