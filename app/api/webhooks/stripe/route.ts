import { receiveStripeWebhook } from "@/server/payments/receive-stripe-webhook";
import { appDb } from "@/server/db";

/** Stripe (or the payment simulator) posts signed events here; the raw body is what the signature covers. */
export async function POST(request: Request) {
  const answer = await receiveStripeWebhook(
    { db: appDb(), actor: { type: "webhook", source: "stripe" } },
    { payload: await request.text(), signature: request.headers.get("stripe-signature") },
  );
  return Response.json(answer.body, { status: answer.status });
}
