import Stripe from "stripe";
import { z } from "zod";
import { webhookInbox } from "@/db/schema";
import { withTransaction, type ServiceContext } from "../context";
import { DomainError } from "../errors";
import { stripeWebhookSecret } from "../env";
import type { ProviderRefund } from "./payment-provider";
import { paymentProviderFor } from "./payment-provider-for";
import { recordPaymentOutcome, type PaymentOutcome } from "./record-payment-outcome";
import { recordProviderRefund } from "./record-provider-refund";
import { toRefund } from "./stripe-provider";

/** Stripe's own default: a signature older than five minutes is a replay. */
const TOLERANCE_SECONDS = 300;

/** Far above any event Stripe sends us (a charge with its refunds is a few kilobytes); larger bodies are refused unread. */
export const STRIPE_WEBHOOK_MAX_BYTES = 256 * 1024;

const OUTCOMES: Record<string, PaymentOutcome> = {
  "payment_intent.processing": "processing",
  "payment_intent.succeeded": "succeeded",
  "payment_intent.payment_failed": "failed",
};
const REFUND_EVENTS = new Set(["refund.created", "refund.updated", "refund.failed"]);

const PaymentIntentObject = z.object({
  id: z.string().min(1),
  amount: z.int().nonnegative(),
  currency: z.string().length(3),
  last_payment_error: z.object({ code: z.string().nullish(), decline_code: z.string().nullish() }).nullish(),
});
const RefundObject = z.looseObject({
  id: z.string().min(1),
  amount: z.int().positive(),
  currency: z.string().length(3),
  payment_intent: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
  status: z.string().nullish(),
});
const ChargeObject = z.object({
  payment_intent: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
  refunds: z.object({ data: z.array(RefundObject), has_more: z.boolean().optional() }).nullish(),
});

export interface WebhookAnswer {
  status: 200 | 400 | 413;
  body: { received: boolean; duplicate?: true; ignored?: string; error?: string };
}

const rejected = (error: string): WebhookAnswer => ({ status: 400, body: { received: false, error } });

type Effect = { kind: "outcome"; outcome: PaymentOutcome; intent: z.infer<typeof PaymentIntentObject> } | { kind: "refunds"; refunds: ProviderRefund[] } | { kind: "none" };

/** What the event asks of us, read before the transaction (a charge without its refunds sends us to the provider for them). */
async function effectOf(ctx: ServiceContext, event: Stripe.Event): Promise<Effect | string> {
  const object: unknown = event.data?.object;
  const outcome = OUTCOMES[event.type];
  if (outcome) {
    const intent = PaymentIntentObject.safeParse(object);
    return intent.success ? { kind: "outcome", outcome, intent: intent.data } : `${event.type} without a payment intent`;
  }
  if (REFUND_EVENTS.has(event.type)) {
    const refund = RefundObject.safeParse(object);
    if (!refund.success) return `${event.type} without a refund`;
    const mapped = toRefund(refund.data as unknown as Stripe.Refund);
    return { kind: "refunds", refunds: mapped ? [mapped] : [] };
  }
  if (event.type === "charge.refunded") {
    const charge = ChargeObject.safeParse(object);
    if (!charge.success) return "charge.refunded without a charge";
    const intentId = typeof charge.data.payment_intent === "string" ? charge.data.payment_intent : charge.data.payment_intent?.id;
    if (!intentId) return { kind: "none" };
    const listed = charge.data.refunds && !charge.data.refunds.has_more ? charge.data.refunds.data : null;
    const refunds = listed ? listed.flatMap((r) => toRefund(r as unknown as Stripe.Refund) ?? []) : await paymentProviderFor(ctx).listRefunds(intentId);
    return { kind: "refunds", refunds };
  }
  return { kind: "none" };
}

/**
 * Stripe's webhook: refuses oversized bodies unread, verifies the signature on the raw body, records the event id in
 * the inbox (a redelivery hits the key and changes nothing), and applies it in the same transaction: a payment outcome
 * (believed only when its amount and currency are the ones we opened, else the payment is flagged), or refunds (ours
 * finished, or ones made in Stripe's dashboard recorded). Bad input is a 400 with nothing written; only a failing
 * database or provider makes Stripe retry.
 */
export async function receiveStripeWebhook(ctx: ServiceContext, input: { payload: string; signature: string | null }): Promise<WebhookAnswer> {
  if (Buffer.byteLength(input.payload) > STRIPE_WEBHOOK_MAX_BYTES) return { status: 413, body: { received: false, error: "payload too large" } };
  if (!input.signature) return rejected("missing Stripe-Signature header");
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(input.payload, input.signature, stripeWebhookSecret(), TOLERANCE_SECONDS);
  } catch {
    return rejected("signature verification failed");
  }
  if (typeof event?.id !== "string" || !event.id || typeof event.type !== "string") return rejected("not a Stripe event");
  const effect = await effectOf(ctx, event);
  if (typeof effect === "string") return rejected(effect);

  const result = await withTransaction(ctx, async (tx): Promise<string | null> => {
    const [fresh] = await tx.db
      .insert(webhookInbox)
      .values({ source: "stripe", eventId: event.id, type: event.type, payload: event })
      .onConflictDoNothing()
      .returning({ eventId: webhookInbox.eventId });
    if (!fresh) return "duplicate";
    if (effect.kind === "none") return "not a payment event";
    if (effect.kind === "refunds") {
      const recorded = [];
      for (const refund of effect.refunds) recorded.push(await recordProviderRefund(tx, refund));
      return recorded.some((r) => r === null) ? "unknown payment intent" : null;
    }
    const { intent, outcome } = effect;
    const reason = intent.last_payment_error ? (intent.last_payment_error.decline_code ?? intent.last_payment_error.code ?? "declined") : undefined;
    try {
      const recorded = await recordPaymentOutcome(tx, { paymentIntentId: intent.id, outcome, reason, charged: { amount: intent.amount, currency: intent.currency } });
      return recorded.flagged ? `flagged: ${recorded.flagged}` : null;
    } catch (error) {
      if (error instanceof DomainError && error.kind === "NotFound") return "unknown payment intent";
      throw error;
    }
  });

  if (result === "duplicate") return { status: 200, body: { received: true, duplicate: true } };
  if (result) return { status: 200, body: { received: true, ignored: result } };
  return { status: 200, body: { received: true } };
}
