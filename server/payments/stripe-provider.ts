import Stripe from "stripe";
import { PaymentProviderError, type PaymentProvider, type ProviderPaymentIntent, type ProviderRefund } from "./payment-provider";

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

export function toIntent(pi: Stripe.PaymentIntent): ProviderPaymentIntent {
  const failure = pi.last_payment_error;
  const status =
    pi.status === "succeeded"
      ? "succeeded"
      : pi.status === "processing"
        ? "processing"
        : pi.status === "canceled"
          ? "cancelled"
          : pi.status === "requires_payment_method" && failure
            ? "failed"
            : "awaiting";
  return {
    id: pi.id,
    clientSecret: pi.client_secret,
    status,
    failureReason: failure ? (failure.decline_code ?? failure.code ?? "declined") : null,
    amount: pi.amount,
    currency: pi.currency.toUpperCase(),
  };
}

const idOf = (value: string | { id: string } | null) => (typeof value === "string" ? value : (value?.id ?? null));

/** A refund as we see it; `canceled` and `failed` both mean the money stayed with us, `requires_action` is still pending. */
export function toRefund(refund: Stripe.Refund): ProviderRefund | null {
  const paymentIntentId = idOf(refund.payment_intent);
  if (!paymentIntentId) return null;
  const status = refund.status === "succeeded" ? "succeeded" : refund.status === "failed" || refund.status === "canceled" ? "failed" : "pending";
  return {
    id: refund.id,
    paymentIntentId,
    amount: refund.amount,
    currency: refund.currency.toUpperCase(),
    status,
    failureReason: status === "failed" ? (refund.failure_reason ?? refund.status ?? "failed") : null,
    refundId: refund.metadata?.refundId ?? null,
  };
}

/** The event types after which an intent or its refunds may differ from what we recorded. */
const CHANGE_EVENTS = [
  "payment_intent.processing",
  "payment_intent.succeeded",
  "payment_intent.payment_failed",
  "payment_intent.canceled",
  "charge.refunded",
  "refund.created",
  "refund.updated",
  "refund.failed",
];

function intentIdOfEvent(event: Stripe.Event): string | null {
  const object = event.data.object as { object?: string; id?: string; payment_intent?: string | { id: string } | null };
  if (object.object === "payment_intent") return object.id ?? null;
  return idOf(object.payment_intent ?? null);
}

/** The Stripe adapter: PaymentIntents with automatic capture, one idempotency key per side effect. */
export function createStripeProvider(options: StripeProviderOptions): PaymentProvider {
  const stripe = stripeClient(options);

  async function call<T>(operation: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // A 4xx other than a conflict or rate limit: Stripe looked at the request and said no.
      const refused = error instanceof Stripe.errors.StripeInvalidRequestError || error instanceof Stripe.errors.StripeCardError;
      throw new PaymentProviderError("stripe", operation, message, { cause: error, refused });
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
        // Succeeded, cancelled, or processing (a bank debit cannot be cancelled): Stripe refuses, and the intent as it stands is the answer.
        if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "payment_intent_unexpected_state") return retrieve(id);
        throw new PaymentProviderError("stripe", "cancel the payment", error instanceof Error ? error.message : String(error), { cause: error });
      }
    },
    refund: ({ paymentIntentId, amount, refundId }) =>
      call("refund the payment", async () => {
        const refund = toRefund(await stripe.refunds.create({ payment_intent: paymentIntentId, amount, metadata: { refundId } }, { idempotencyKey: refundId }));
        if (!refund) throw new Error(`refund for ${paymentIntentId} came back without its payment intent`);
        return refund;
      }),
    listRefunds: (paymentIntentId) =>
      call("list the refunds", async () => {
        const found: ProviderRefund[] = [];
        for await (const refund of stripe.refunds.list({ payment_intent: paymentIntentId, limit: 100 })) {
          const mapped = toRefund(refund);
          if (mapped) found.push(mapped);
        }
        return found;
      }),
    listChangedPaymentIntents: (since) =>
      call("list recent events", async () => {
        const ids = new Set<string>();
        const created = { gte: Math.floor(since.getTime() / 1000) };
        for await (const event of stripe.events.list({ types: CHANGE_EVENTS, created, limit: 100 })) {
          const id = intentIdOfEvent(event);
          if (id) ids.add(id);
        }
        return [...ids];
      }),
  };
}
