import { appDb } from "@/server/db";
import { receiveResendWebhook, RESEND_WEBHOOK_MAX_BYTES } from "@/server/notifications/receive-resend-webhook";
import { readBodyWithin } from "../read-body-within";
import { withRequestLog } from "../../with-request-log";

/** Resend posts delivery events here (sent, delivered, bounced, complained, failed), signed over the raw body. */
export const POST = withRequestLog(async (request: Request) => {
  const payload = await readBodyWithin(request, RESEND_WEBHOOK_MAX_BYTES);
  if (payload === null) return Response.json({ received: false, error: "payload too large" }, { status: 413 });
  const answer = await receiveResendWebhook(
    { db: appDb(), actor: { type: "webhook", source: "resend" } },
    {
      payload,
      headers: { id: request.headers.get("svix-id"), timestamp: request.headers.get("svix-timestamp"), signature: request.headers.get("svix-signature") },
    },
  );
  return Response.json(answer.body, { status: answer.status });
});
