import { appDb } from "@/server/db";
import { CARRIER_WEBHOOK_MAX_BYTES, receiveCarrierWebhook } from "@/server/shipping/receive-carrier-webhook";
import { readBodyWithin } from "../read-body-within";
import { withRequestLog } from "../../with-request-log";

/** EasyPost (or the carrier simulator) posts signed tracker events here; the raw body is what the signature covers. */
export const POST = withRequestLog(async (request: Request) => {
  const payload = await readBodyWithin(request, CARRIER_WEBHOOK_MAX_BYTES);
  if (payload === null) return Response.json({ received: false, error: "payload too large" }, { status: 413 });
  const answer = await receiveCarrierWebhook(
    { db: appDb(), actor: { type: "webhook", source: "carrier" } },
    { payload, signature: request.headers.get("x-hmac-signature") },
  );
  return Response.json(answer.body, { status: answer.status });
});
