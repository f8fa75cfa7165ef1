import { and, asc, eq } from "drizzle-orm";
import { orders, payments, refunds } from "@/db/schema";
import { withTransaction, type ServiceContext } from "../context";
import { conflict, DomainError, invalid, notFound } from "../errors";
import { PaymentProviderError } from "./payment-provider";
import { paymentProviderFor } from "./payment-provider-for";
import { recordRefundOutcome } from "./record-refund-outcome";

export type RefundPaymentInput = {
  orderId: string;
  /** Minor units; omitted = everything not refunded or being refunded yet. */
  amount?: number;
  reason?: string;
  /**
   * Runs in the transaction that writes a new refund row, under the order's row lock, after the row is written: what the
   * caller records with the refund (the order lines it pays back). Throwing refuses the refund with it.
   */
  onClaim?: (tx: ServiceContext, refundId: string) => Promise<void>;
} & (
  | {
      /**
       * The amount refunded or being refunded that the caller saw before asking. When it has moved on, the refund is taken
       * as already asked for (a double submit) and nothing happens. When it is what was refunded before a pending refund of
       * this amount, that refund is resumed: a retry after a crash or a lost answer asks the provider again under the same key.
       */
      expectedRefundedAmount: number;
      refundId?: never;
    }
  | {
      /**
       * The id the refund row gets, chosen by a caller that keeps it (a return): asking again with it resumes that refund
       * while it is pending and answers its outcome once it is not, whatever other refunds happened in between.
       */
      refundId: string;
      amount: number;
      expectedRefundedAmount?: never;
    }
);

export interface RefundPaymentResult {
  /** True for the call that asked for this refund; a double submit, or a retry that resumed a pending refund, reports false. */
  changed: boolean;
  refundedAmount: number;
  paymentStatus: (typeof payments.$inferSelect)["status"];
  /** The refund's status afterwards ("pending": the provider has not finished it yet); null when nothing was asked. */
  refundStatus: (typeof refunds.$inferSelect)["status"] | null;
}

const REFUNDABLE = new Set(["succeeded", "partially_refunded", "refunded"]);

type Claim = { done: RefundPaymentResult } | { refundId: string; paymentIntentId: string; amount: number; inserted: boolean };

/** Under the order's row lock: check the request against what is refunded and pending, then write (or find) the pending row. */
async function claimRefund(ctx: ServiceContext, input: RefundPaymentInput, providerName: string): Promise<Claim> {
  return withTransaction(ctx, async (tx) => {
    const { orderId } = input;
    const [order] = await tx.db.select({ totalAmount: orders.totalAmount, refundedAmount: orders.refundedAmount }).from(orders).where(eq(orders.id, orderId)).for("update");
    if (!order) throw notFound("Order");
    const [payment] = await tx.db
      .select({ id: payments.id, provider: payments.provider, paymentIntentId: payments.providerPaymentId, status: payments.status })
      .from(payments)
      .where(eq(payments.orderId, orderId));
    if (!payment || !REFUNDABLE.has(payment.status)) throw conflict("This order has no captured payment to refund");
    if (payment.provider !== providerName) throw new Error(`order ${orderId} was paid through ${payment.provider}, not ${providerName}`);

    const pending = await tx.db
      .select({ id: refunds.id, amount: refunds.amount, origin: refunds.origin })
      .from(refunds)
      .where(and(eq(refunds.paymentId, payment.id), eq(refunds.status, "pending")))
      .orderBy(asc(refunds.createdAt));
    const pendingAmount = pending.reduce((sum, r) => sum + r.amount, 0);
    const { expectedRefundedAmount: expected } = input;
    const done = { done: { changed: false, refundedAmount: order.refundedAmount, paymentStatus: payment.status, refundStatus: null } };

    if (input.refundId !== undefined) {
      const [known] = await tx.db.select({ amount: refunds.amount, status: refunds.status, paymentId: refunds.paymentId }).from(refunds).where(eq(refunds.id, input.refundId));
      if (known && known.paymentId !== payment.id) throw conflict("This refund belongs to another payment");
      if (known?.status === "pending") return { refundId: input.refundId, paymentIntentId: payment.paymentIntentId, amount: known.amount, inserted: false };
      if (known) return { done: { ...done.done, refundStatus: known.status } };
    } else if (expected === order.refundedAmount) {
      const asked = input.amount ?? order.totalAmount - order.refundedAmount;
      const retried = pending.find((r) => r.origin === "shop" && r.amount === asked);
      if (retried) return { refundId: retried.id, paymentIntentId: payment.paymentIntentId, amount: retried.amount, inserted: false };
    }
    if (input.refundId === undefined && expected !== order.refundedAmount + pendingAmount) return done;
    const left = order.totalAmount - order.refundedAmount - pendingAmount;
    const amount = input.amount ?? left;
    if (input.amount === undefined && left === 0) return done;
    if (!Number.isInteger(amount) || amount <= 0 || amount > left) {
      const message = `Enter a whole amount between 1 and ${left} (minor units left to refund)`;
      throw invalid(message, { amount: message });
    }
    const [row] = await tx.db.insert(refunds).values({ id: input.refundId, paymentId: payment.id, amount, reason: input.reason ?? null }).returning({ id: refunds.id });
    await input.onClaim?.(tx, row!.id);
    return { refundId: row!.id, paymentIntentId: payment.paymentIntentId, amount, inserted: true };
  });
}

/**
 * Gives back all or part of a captured payment in three moves, so no lock is held while the provider works: a short
 * transaction writes a pending refund row; the provider is asked with that row's id as its idempotency key; a second
 * transaction records the answer. A lost answer leaves the row pending, and a retry of the same request (same expected
 * amount), the refund webhook or the reconciliation finishes it; the provider refunds once whatever happens.
 */
export async function refundPayment(ctx: ServiceContext, input: RefundPaymentInput): Promise<RefundPaymentResult> {
  if (ctx.actor.type !== "admin" && ctx.actor.type !== "system") throw new DomainError("Forbidden", "only the shop can refund payments");
  if (ctx.inTransaction) throw new Error("refundPayment calls the payment provider: call it outside a transaction");
  const provider = paymentProviderFor(ctx);
  const claim = await claimRefund(ctx, input, provider.name);
  if ("done" in claim) return claim.done;

  const { refundId, paymentIntentId, amount } = claim;
  let outcome;
  try {
    outcome = await provider.refund({ paymentIntentId, amount, refundId });
  } catch (error) {
    if (!(error instanceof PaymentProviderError && error.refused)) throw error;
    await recordRefundOutcome(ctx, { refundId, outcome: { id: null, status: "failed", failureReason: error.message } });
    throw conflict(`The payment provider refused the refund: ${error.message}`);
  }
  const recorded = await recordRefundOutcome(ctx, { refundId, outcome });
  return {
    changed: claim.inserted && recorded.status !== "failed",
    refundedAmount: recorded.refundedAmount,
    paymentStatus: recorded.paymentStatus,
    refundStatus: recorded.status,
  };
}
