import { and, eq, inArray, sql } from "drizzle-orm";
import { orderEvents, payments } from "@/db/schema";
import { withTransaction, type ServiceContext } from "../context";
import { PaymentProviderError } from "./payment-provider";
import { paymentProviderFor } from "./payment-provider-for";
import { recordPaymentOutcome } from "./record-payment-outcome";

type PaymentStatus = (typeof payments.$inferSelect)["status"];

const CANCELLABLE: PaymentStatus[] = ["awaiting", "processing", "failed"];

export interface CancelPaymentResult {
  /** True only for the call that cancelled it. */
  changed: boolean;
  /**
   * The payment's status afterwards, null when the order never had one. "succeeded": the money was taken (complete the
   * order or refund it); "processing": the provider is still deciding and refused to cancel, so ask again later.
   */
  status: PaymentStatus | null;
}

/**
 * The compensation of startPayment: cancels the order's PaymentIntent unless its money was taken. Idempotent.
 * Our row is cancelled only when the provider says the intent is cancelled: one that succeeded before the cancel reached
 * it is recorded as succeeded, one it is still processing (a bank debit) as processing.
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
  // Keyed by our status too: after a refusal (processing) the provider replays its answer to a repeated key for a day.
  const idempotencyKey = `order-${orderId}-cancel${payment.status === "awaiting" ? "" : `-${payment.status}`}`;
  const intent = await provider.cancelPaymentIntent(payment.paymentIntentId, { idempotencyKey });
  if (intent.status === "succeeded" || intent.status === "processing") {
    const recorded = await recordPaymentOutcome(ctx, { orderId, outcome: intent.status });
    return { changed: false, status: recorded.status };
  }
  if (intent.status !== "cancelled") {
    if (intent.status === "failed") await recordPaymentOutcome(ctx, { orderId, outcome: "failed", reason: intent.failureReason ?? undefined });
    throw new PaymentProviderError(provider.name, "cancel the payment", `the intent is still ${intent.status}`);
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
