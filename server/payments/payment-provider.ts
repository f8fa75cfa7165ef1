/** What a PaymentIntent means to us, whatever the provider calls its states. "processing": money in flight (a bank debit). */
export type ProviderPaymentStatus = "awaiting" | "processing" | "succeeded" | "failed" | "cancelled";

export interface ProviderPaymentIntent {
  id: string;
  clientSecret: string | null;
  status: ProviderPaymentStatus;
  /** The card's decline code when the last attempt failed ("insufficient_funds", "card_declined"…). */
  failureReason?: string | null;
  /** What the intent charges (minor units, upper-case ISO currency); absent when the adapter cannot know (the simulator). */
  amount?: number;
  currency?: string;
}

export type ProviderRefundStatus = "pending" | "succeeded" | "failed";

export interface ProviderRefund {
  id: string;
  paymentIntentId: string;
  amount: number;
  currency: string;
  status: ProviderRefundStatus;
  failureReason: string | null;
  /** Our refunds row id when the shop asked for this refund; null for one made at the provider (its dashboard). */
  refundId: string | null;
}

/** The port every payment adapter implements; each call carries an idempotency key derived from the order or the refund row. */
export interface PaymentProvider {
  name: "stripe" | "simulator";
  createPaymentIntent(input: { amount: number; currency: string; orderId: string; idempotencyKey: string }): Promise<ProviderPaymentIntent>;
  retrievePaymentIntent(id: string): Promise<ProviderPaymentIntent>;
  /** Cancels the intent, or answers how it stands when the provider refuses (already succeeded, or still processing). */
  cancelPaymentIntent(id: string, options: { idempotencyKey: string }): Promise<ProviderPaymentIntent>;
  /** `refundId` (our refunds row) is the idempotency key and travels in the refund's metadata. */
  refund(input: { paymentIntentId: string; amount: number; refundId: string }): Promise<ProviderRefund>;
  listRefunds(paymentIntentId: string): Promise<ProviderRefund[]>;
  /** The intents whose payment or refunds changed at the provider at or after `since`. */
  listChangedPaymentIntents(since: Date): Promise<string[]>;
}

/**
 * The provider could not be reached or refused the call. `refused`: it answered no (a definite outcome: nothing was
 * done, asking again the same way gets the same no); otherwise the outcome is unknown and the call may be retried as is.
 */
export class PaymentProviderError extends Error {
  readonly refused: boolean;

  constructor(
    readonly provider: PaymentProvider["name"],
    readonly operation: string,
    message: string,
    options?: { cause?: unknown; refused?: boolean },
  ) {
    super(`Payment provider ${provider} failed to ${operation}: ${message}`, options);
    this.name = "PaymentProviderError";
    this.refused = options?.refused ?? false;
  }
}

export const paymentIdempotencyKey = (orderId: string) => `order-${orderId}-payment`;
