import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import { stripeWebhookSecret } from "../env";
import type { TestCard } from "./test-cards";

export interface SimulatedIntent {
  id: string;
  amount: number;
  currency: string;
  orderId: string;
}

/** A payment_intent.succeeded or payment_intent.payment_failed event shaped as Stripe sends it (the fields we and most handlers read). */
export function simulatedPaymentEvent(intent: SimulatedIntent, card: Pick<TestCard, "outcome" | "declineCode">, now = Date.now()) {
  const succeeded = card.outcome === "succeeded";
  const created = Math.floor(now / 1000);
  return {
    id: `evt_sim_${randomBytes(12).toString("hex")}`,
    object: "event",
    api_version: Stripe.API_VERSION,
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: succeeded ? "payment_intent.succeeded" : "payment_intent.payment_failed",
    data: {
      object: {
        id: intent.id,
        object: "payment_intent",
        amount: intent.amount,
        amount_received: succeeded ? intent.amount : 0,
        currency: intent.currency.toLowerCase(),
        capture_method: "automatic",
        created,
        livemode: false,
        metadata: { orderId: intent.orderId },
        status: succeeded ? "succeeded" : "requires_payment_method",
        last_payment_error: succeeded
          ? null
          : { type: "card_error", code: "card_declined", decline_code: card.declineCode ?? "generic_decline", message: "Your card was declined." },
      },
    },
  };
}

/** The Stripe-Signature header for a payload, computed exactly as Stripe computes it. */
export function signStripePayload(payload: string, options: { secret?: string; timestamp?: number } = {}): string {
  return Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? stripeWebhookSecret(),
    timestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
  });
}
