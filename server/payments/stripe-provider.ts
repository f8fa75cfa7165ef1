import Stripe from "stripe";
import { PaymentProviderError, type PaymentProvider, type ProviderPaymentIntent } from "./payment-provider";

export interface StripeProviderOptions {
  secretKey: string;
  /** Another API server than api.stripe.com, e.g. a local fake in tests. */
  apiBase?: string;
  timeoutMs?: number;
  /** Retries of a failed request by the SDK, with the same idempotency key. */
  maxNetworkRetries?: number;
}

function stripeClient(options: StripeProviderOptions): Stripe {
  const base = options.apiBase ? new URL(options.apiBase) : undefined;
  return new Stripe(options.secretKey, {
    timeout: options.timeoutMs ?? 20_000,
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    ...(base && { host: base.hostname, port: base.port || undefined, protocol: base.protocol === "http:" ? "http" : "https" }),
  });
}

function toIntent(pi: Stripe.PaymentIntent): ProviderPaymentIntent {
  const failure = pi.last_payment_error;
  const status =
    pi.status === "succeeded" ? "succeeded" : pi.status === "canceled" ? "cancelled" : pi.status === "requires_payment_method" && failure ? "failed" : "awaiting";
  return { id: pi.id, clientSecret: pi.client_secret, status, failureReason: failure ? (failure.decline_code ?? failure.code ?? "declined") : null };
}

/** The Stripe adapter: PaymentIntents with automatic capture, one idempotency key per side effect. */
export function createStripeProvider(options: StripeProviderOptions): PaymentProvider {
  const stripe = stripeClient(options);

  async function call<T>(operation: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new PaymentProviderError("stripe", operation, message, { cause: error });
    }
  }

  const retrieve = (id: string) => call("retrieve the payment", async () => toIntent(await stripe.paymentIntents.retrieve(id)));

  return {
    name: "stripe",
    createPaymentIntent: ({ amount, currency, orderId, idempotencyKey }) =>
      call("create the payment", async () =>
        toIntent(
          await stripe.paymentIntents.create(
            { amount, currency: currency.toLowerCase(), metadata: { orderId }, capture_method: "automatic", automatic_payment_methods: { enabled: true } },
            { idempotencyKey },
          ),
        ),
      ),
    retrievePaymentIntent: retrieve,
    async cancelPaymentIntent(id, { idempotencyKey }) {
      try {
        return toIntent(await stripe.paymentIntents.cancel(id, {}, { idempotencyKey }));
      } catch (error) {
        // Already succeeded or cancelled: Stripe refuses, and the intent as it stands is the answer.
        if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "payment_intent_unexpected_state") return retrieve(id);
        throw new PaymentProviderError("stripe", "cancel the payment", error instanceof Error ? error.message : String(error), { cause: error });
      }
    },
    refund: ({ paymentIntentId, amount, idempotencyKey }) =>
      call("refund the payment", async () => {
        const refund = await stripe.refunds.create({ payment_intent: paymentIntentId, amount }, { idempotencyKey });
        return { id: refund.id };
      }),
  };
}
