import Stripe from "stripe";
import { z } from "zod";
import { webhookInbox } from "@/db/schema";
import { withTransaction, type ServiceContext } from "../context";
import { DomainError } from "../errors";
import { stripeWebhookSecret } from "../env";
import { recordPaymentOutcome, type PaymentOutcome, type RecordedPaymentOutcome } from "./record-payment-outcome";

/** Stripe's own default: a signature older than five minutes is a replay. */
const TOLERANCE_SECONDS = 300;

const OUTCOMES: Record<string, PaymentOutcome> = {
  "payment_intent.succeeded": "succeeded",
  "payment_intent.payment_failed": "failed",
};

const PaymentIntentEvent = z.object({
  data: z.object({
    object: z.object({
      id: z.string().min(1),
      last_payment_error: z.object({ code: z.string().nullish(), decline_code: z.string().nullish() }).nullish(),
    }),
  }),
});

export interface WebhookAnswer {
  status: 200 | 400;
  body: { received: boolean; duplicate?: true; ignored?: string; error?: string };
}

const rejected = (error: string): WebhookAnswer => ({ status: 400, body: { received: false, error } });

/**
 * Stripe's webhook: verifies the signature on the raw body, records the event id in the inbox (a redelivery hits the
 * key and changes nothing), and applies payment outcomes in the same transaction, whose outbox row announces them. Bad input is a 400 with nothing written; only a failing database makes Stripe retry.
 */
export async function receiveStripeWebhook(ctx: ServiceContext, input: { payload: string; signature: string | null }): Promise<WebhookAnswer> {
  if (!input.signature) return rejected("missing Stripe-Signature header");
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(input.payload, input.signature, stripeWebhookSecret(), TOLERANCE_SECONDS);
  } catch {
    return rejected("signature verification failed");
  }
  if (typeof event?.id !== "string" || !event.id || typeof event.type !== "string") return rejected("not a Stripe event");

  const outcome = OUTCOMES[event.type];
  const parsed = outcome ? PaymentIntentEvent.safeParse(event) : undefined;
  if (parsed && !parsed.success) return rejected(`${event.type} without a payment intent`);
  const intent = parsed?.data.data.object;
  const reason = intent?.last_payment_error ? (intent.last_payment_error.decline_code ?? intent.last_payment_error.code ?? "declined") : null;

  const result = await withTransaction(ctx, async (tx): Promise<RecordedPaymentOutcome | string> => {
    const [fresh] = await tx.db
      .insert(webhookInbox)
      .values({ source: "stripe", eventId: event.id, type: event.type, payload: event })
      .onConflictDoNothing()
      .returning({ eventId: webhookInbox.eventId });
    if (!fresh) return "duplicate";
    if (!outcome || !intent) return "not a payment outcome";
    try {
      return await recordPaymentOutcome(tx, { paymentIntentId: intent.id, outcome, reason: reason ?? undefined });
    } catch (error) {
      if (error instanceof DomainError && error.kind === "NotFound") return "unknown payment intent";
      throw error;
    }
  });

  if (result === "duplicate") return { status: 200, body: { received: true, duplicate: true } };
  if (typeof result === "string") return { status: 200, body: { received: true, ignored: result } };
  return { status: 200, body: { received: true } };
}
