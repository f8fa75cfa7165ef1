import { receiveStripeWebhook, STRIPE_WEBHOOK_MAX_BYTES } from "@/server/payments/receive-stripe-webhook";
import { appDb } from "@/server/db";
import { readBodyWithin } from "../read-body-within";
import { withRequestLog } from "../../with-request-log";

/** Stripe (or the payment simulator) posts signed events here; the raw body is what the signature covers. */
export const POST = withRequestLog(async (request: Request) => {
  const payload = await readBodyWithin(request, STRIPE_WEBHOOK_MAX_BYTES);
  if (payload === null) return Response.json({ received: false, error: "payload too large" }, { status: 413 });
  const answer = await receiveStripeWebhook(
    { db: appDb(), actor: { type: "webhook", source: "stripe" } },
    { payload, signature: request.headers.get("stripe-signature") },
  );
  return Response.json(answer.body, { status: answer.status });
});
