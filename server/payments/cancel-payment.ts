import { and, eq, inArray, sql } from "drizzle-orm";
import { orderEvents, payments } from "@/db/schema";
import { withTransaction, type ServiceContext } from "../context";
import { paymentProviderFor } from "./payment-provider-for";
import { recordPaymentOutcome } from "./record-payment-outcome";

type PaymentStatus = (typeof payments.$inferSelect)["status"];

const CANCELLABLE: PaymentStatus[] = ["awaiting", "failed"];

export interface CancelPaymentResult {
  /** True only for the call that cancelled it. */
  changed: boolean;
  /** The payment's status afterwards, null when the order never had one. "succeeded" means the money was taken: refund it. */
  status: PaymentStatus | null;
}

/**
 * The compensation of startPayment: cancels the order's PaymentIntent unless its money was taken. Idempotent.
 * A payment that succeeded at the provider before the cancel reached it is recorded as succeeded, never cancelled.
 */
export async function cancelPayment(ctx: ServiceContext, input: { orderId: string }): Promise<CancelPaymentResult> {
  const { orderId } = input;
  const [payment] = await ctx.db
    .select({ provider: payments.provider, paymentIntentId: payments.providerPaymentId, status: payments.status })
    .from(payments)
    .where(eq(payments.orderId, orderId));
  if (!payment) return { changed: false, status: null };
  if (!CANCELLABLE.includes(payment.status)) return { changed: false, status: payment.status };

  const provider = paymentProviderFor(ctx);
  if (provider.name !== payment.provider) throw new Error(`order ${orderId} was paid through ${payment.provider}, not ${provider.name}`);
  const intent = await provider.cancelPaymentIntent(payment.paymentIntentId, { idempotencyKey: `order-${orderId}-cancel` });
  if (intent.status === "succeeded") {
    const recorded = await recordPaymentOutcome(ctx, { orderId, outcome: "succeeded" });
    return { changed: false, status: recorded.status };
  }

  return withTransaction(ctx, async (tx) => {
    const [cancelled] = await tx.db
      .update(payments)
      .set({ status: "cancelled", updatedAt: sql`now()` })
      .where(and(eq(payments.orderId, orderId), inArray(payments.status, CANCELLABLE)))
      .returning({ status: payments.status });
    if (!cancelled) {
      const [current] = await tx.db.select({ status: payments.status }).from(payments).where(eq(payments.orderId, orderId));
      return { changed: false, status: current?.status ?? null };
    }
    await tx.db.insert(orderEvents).values({ orderId, type: "payment_cancelled", detail: payment.paymentIntentId });
    return { changed: true, status: cancelled.status };
  });
}
