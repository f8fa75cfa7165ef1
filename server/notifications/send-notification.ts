import { eq, sql } from "drizzle-orm";
import { preparedPerHandle } from "@/db/prepared";
import { notifications } from "@/db/schema";
import type { ServiceContext } from "../context";
import { emailFrom } from "../env";
import { notFound } from "../errors";
import { BLOCK_DETAILS, deliveryBlock } from "./delivery-block";
import { mailSenderFor } from "./mail-sender-for";
import { PermanentSendError } from "./mail-sender";
import { currentStatus, moveNotification } from "./move-notification";
import { unsubscribeHeaders, unsubscribeUrlFor } from "./unsubscribe-link";
import type { EmailContent, NotificationStatus } from "./schemas";
import { sendShortMessage } from "./send-short-message";
import type { ShortMessageContent } from "./short-messages";

const notificationQuery = preparedPerHandle((db) =>
  db
    .select({ id: notifications.id, kind: notifications.kind, recipient: notifications.recipient, userId: notifications.userId, status: notifications.status })
    .from(notifications)
    .where(eq(notifications.id, sql.placeholder("notificationId")))
    .prepare("send_notification_row"),
);

/**
 * Hands a queued message to the email channel under its own id as the idempotency key, then records it sent. A crash
 * between the two leaves it queued; the retry sends again under the same key, which the provider answers with the
 * message it already has, so the recipient gets one. A refusal for good records it failed; anything else throws for a retry.
 * An SMS or a push (content rendered for the row's channel) goes to its own port.
 */
export async function sendNotification(ctx: ServiceContext, input: { notificationId: string; content: EmailContent | ShortMessageContent }): Promise<NotificationStatus> {
  if ("channel" in input.content) return sendShortMessage(ctx, { notificationId: input.notificationId, content: input.content });
  const [row] = await notificationQuery(ctx.db).execute({ notificationId: input.notificationId });
  if (!row) throw notFound("Notification");
  if (row.status !== "queued") return row.status;
  const { subject, html, text } = input.content;
  // The address may have bounced, or the reader opted out, since the message was queued.
  const block = await deliveryBlock(ctx, { kind: row.kind, recipient: row.recipient, channel: "email", userId: row.userId });
  if (block) {
    await moveNotification(ctx, { notificationId: row.id, to: "skipped", skipReason: block, detail: `${BLOCK_DETAILS[block]} (found at send time)` });
    return currentStatus(ctx, row.id);
  }
  const unsubscribeUrl = await unsubscribeUrlFor(ctx, row);
  const headers = { ...(unsubscribeUrl && unsubscribeHeaders(unsubscribeUrl)), "X-Emporium-Message-Id": row.id };
  try {
    const sent = await mailSenderFor(ctx).send({ id: row.id, from: emailFrom(), to: row.recipient, subject, html, text, headers });
    // Not moved: the provider's webhook recorded it first (delivered, bounced), so the status is read back below.
    if (await moveNotification(ctx, { notificationId: row.id, to: "sent", providerMessageId: sent.providerMessageId, subject })) return "sent";
  } catch (error) {
    if (!(error instanceof PermanentSendError)) throw error;
    await moveNotification(ctx, { notificationId: row.id, to: "failed", detail: error.message, subject });
  }
  return currentStatus(ctx, row.id);
}

/** The channel kept failing past every retry: the message is recorded failed with the last error, and nothing more is tried. */
export async function recordSendFailure(ctx: ServiceContext, input: { notificationId: string; error: string }): Promise<void> {
  await moveNotification(ctx, { notificationId: input.notificationId, to: "failed", detail: input.error });
}
