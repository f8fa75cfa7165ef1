import { receiveStripeWebhook, STRIPE_WEBHOOK_MAX_BYTES } from "@/server/payments/receive-stripe-webhook";
import { appDb } from "@/server/db";

/** The body as text, or null as soon as it grows past `limit` bytes: a huge body is never held in memory. */
async function readBodyWithin(request: Request, limit: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Stripe (or the payment simulator) posts signed events here; the raw body is what the signature covers. */
export async function POST(request: Request) {
  const payload = await readBodyWithin(request, STRIPE_WEBHOOK_MAX_BYTES);
  if (payload === null) return Response.json({ received: false, error: "payload too large" }, { status: 413 });
  const answer = await receiveStripeWebhook(
    { db: appDb(), actor: { type: "webhook", source: "stripe" } },
    { payload, signature: request.headers.get("stripe-signature") },
  );
  return Response.json(answer.body, { status: answer.status });
}
