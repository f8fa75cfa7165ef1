/** What a PaymentIntent means to us, whatever the provider calls its states. */
export type ProviderPaymentStatus = "awaiting" | "succeeded" | "failed" | "cancelled";

export interface ProviderPaymentIntent {
  id: string;
  clientSecret: string | null;
  status: ProviderPaymentStatus;
  /** The card's decline code when the last attempt failed ("insufficient_funds", "card_declined"…). */
  failureReason?: string | null;
}

/** The port every payment adapter implements; each call carries an idempotency key derived from the order. */
export interface PaymentProvider {
  name: "stripe" | "simulator";
  createPaymentIntent(input: { amount: number; currency: string; orderId: string; idempotencyKey: string }): Promise<ProviderPaymentIntent>;
  retrievePaymentIntent(id: string): Promise<ProviderPaymentIntent>;
  cancelPaymentIntent(id: string, options: { idempotencyKey: string }): Promise<ProviderPaymentIntent>;
  refund(input: { paymentIntentId: string; amount: number; idempotencyKey: string }): Promise<{ id: string }>;
}

/** The provider could not be reached or refused the call; nothing was recorded on our side, so the call can be retried as is. */
export class PaymentProviderError extends Error {
  constructor(
    readonly provider: PaymentProvider["name"],
    readonly operation: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`Payment provider ${provider} failed to ${operation}: ${message}`, options);
    this.name = "PaymentProviderError";
  }
}

export const paymentIdempotencyKey = (orderId: string) => `order-${orderId}-payment`;
