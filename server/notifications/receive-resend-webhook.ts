import { eq } from "drizzle-orm";
import { Resend } from "resend";
import { z } from "zod";
import { notifications, webhookInbox } from "@/db/schema";
import { withTransaction, type ServiceContext } from "../context";
import { env } from "../env";
import { moveNotification } from "./move-notification";
import type { NotificationStatus } from "./schemas";
import { suppressAddress } from "./suppress-address";

/** Far above any delivery event Resend sends (a few hundred bytes and the recipients); larger bodies are refused unread. */
export const RESEND_WEBHOOK_MAX_BYTES = 64 * 1024;

const STATUS_OF: Partial<Record<string, NotificationStatus>> = {
  "email.sent": "sent",
  "email.delivered": "delivered",
  "email.bounced": "bounced",
  "email.complained": "complained",
  "email.failed": "failed",
};

const EmailEvent = z.looseObject({
  type: z.string().min(1),
  data: z.looseObject({
    email_id: z.string().min(1),
    tags: z.record(z.string(), z.string()).nullish(),
    bounce: z.looseObject({ type: z.string().nullish(), subType: z.string().nullish(), message: z.string().nullish() }).nullish(),
    failed: z.looseObject({ reason: z.string().nullish() }).nullish(),
  }),
});
type EmailEvent = z.infer<typeof EmailEvent>;

export interface ResendWebhookHeaders {
  id: string | null;
  timestamp: string | null;
  signature: string | null;
}

export interface ResendWebhookAnswer {
  status: 200 | 400 | 413;
  body: { received: boolean; duplicate?: true; ignored?: string; error?: string };
}

const rejected = (error: string): ResendWebhookAnswer => ({ status: 400, body: { received: false, error } });

function verified(payload: string, headers: ResendWebhookHeaders, webhookSecret: string): unknown {
  // The verifier needs only the webhook secret; the client around it refuses to be built without some API key.
  const resend = new Resend(env().RESEND_API_KEY ?? "re_webhook_verification");
  return resend.webhooks.verify({ payload, headers: headers as { id: string; timestamp: string; signature: string }, webhookSecret });
}

function detailOf(event: EmailEvent): string | null {
  const { bounce, failed } = event.data;
  if (bounce) return [bounce.type, bounce.subType, bounce.message].filter(Boolean).join(": ") || null;
  return failed?.reason ?? null;
}

/** A bounce Resend calls transient (a full mailbox) may clear; any other bounce, and every complaint, suppresses the address. */
function suppresses(event: EmailEvent): "bounced" | "complained" | null {
  if (event.type === "email.complained") return "complained";
  if (event.type === "email.bounced" && event.data.bounce?.type !== "Transient") return "bounced";
  return null;
}

/**
 * Resend's delivery webhook: refuses oversized bodies unread, verifies the signature (svix-id, svix-timestamp,
 * svix-signature over the raw body), records the event id in the inbox and, in the same transaction, moves the message
 * it names (found by our id in its tags, else by Resend's email id) and suppresses the address after a hard bounce or a
 * complaint. A redelivery hits the inbox key and changes nothing; bad input is a 400 with nothing written.
 */
export async function receiveResendWebhook(ctx: ServiceContext, input: { payload: string; headers: ResendWebhookHeaders }): Promise<ResendWebhookAnswer> {
  if (Buffer.byteLength(input.payload) > RESEND_WEBHOOK_MAX_BYTES) return { status: 413, body: { received: false, error: "payload too large" } };
  const secret = env().RESEND_WEBHOOK_SECRET;
  if (!secret) return rejected("RESEND_WEBHOOK_SECRET is not set");
  const { id, timestamp, signature } = input.headers;
  if (!id || !timestamp || !signature) return rejected("missing svix-id, svix-timestamp or svix-signature header");
  let payload: unknown;
  try {
    payload = verified(input.payload, input.headers, secret);
  } catch {
    return rejected("signature verification failed");
  }
  const type = z.looseObject({ type: z.string() }).safeParse(payload);
  if (!type.success) return rejected("not a Resend event");
  const to = STATUS_OF[type.data.type];
  const event = to ? EmailEvent.safeParse(payload) : null;
  if (event && !event.success) return rejected(`${type.data.type} without an email id`);

  const result = await withTransaction(ctx, async (tx): Promise<string | null> => {
    const [fresh] = await tx.db
      .insert(webhookInbox)
      .values({ source: "resend", eventId: id, type: type.data.type, payload })
      .onConflictDoNothing()
      .returning({ eventId: webhookInbox.eventId });
    if (!fresh) return "duplicate";
    if (!to || !event?.success) return "not a delivery event";
    const message = await findMessage(tx, event.data);
    if (!message) return "unknown message";
    const moved = await moveNotification(tx, { notificationId: message.id, to, detail: detailOf(event.data), providerMessageId: event.data.data.email_id });
    const reason = suppresses(event.data);
    if (reason) await suppressAddress(tx, { address: message.recipient, reason, detail: detailOf(event.data) ?? undefined, notificationId: message.id });
    return moved || reason ? null : `already ${to} or past it`;
  });

  if (result === "duplicate") return { status: 200, body: { received: true, duplicate: true } };
  if (result) return { status: 200, body: { received: true, ignored: result } };
  return { status: 200, body: { received: true } };
}

async function findMessage(ctx: ServiceContext, event: EmailEvent) {
  const columns = { id: notifications.id, recipient: notifications.recipient };
  const ours = z.uuid().safeParse(event.data.tags?.message_id);
  const where = ours.success ? eq(notifications.id, ours.data) : eq(notifications.providerMessageId, event.data.email_id);
  const [row] = await ctx.db.select(columns).from(notifications).where(where);
  return row;
}
