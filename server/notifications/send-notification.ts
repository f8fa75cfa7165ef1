import { eq } from "drizzle-orm";
import { notifications } from "@/db/schema";
import type { ServiceContext } from "../context";
import { emailFrom } from "../env";
import { notFound } from "../errors";
import { mailSenderFor } from "./mail-sender-for";
import { PermanentSendError } from "./mail-sender";
import { moveNotification } from "./move-notification";
import type { EmailContent, NotificationStatus } from "./schemas";

/**
 * Hands a queued message to the email channel under its own id as the idempotency key, then records it sent. A crash
 * between the two leaves it queued; the retry sends again under the same key, which the provider answers with the
 * message it already has, so the recipient gets one. A refusal for good records it failed; anything else throws for a retry.
 */
export async function sendNotification(ctx: ServiceContext, input: { notificationId: string; content: EmailContent }): Promise<NotificationStatus> {
  const [row] = await ctx.db
    .select({ id: notifications.id, recipient: notifications.recipient, status: notifications.status })
    .from(notifications)
    .where(eq(notifications.id, input.notificationId));
  if (!row) throw notFound("Notification");
  if (row.status !== "queued") return row.status;
  const { subject, html, text } = input.content;
  try {
    const sent = await mailSenderFor(ctx).send({ id: row.id, from: emailFrom(), to: row.recipient, subject, html, text, headers: { "X-Emporium-Message-Id": row.id } });
    await moveNotification(ctx, { notificationId: row.id, to: "sent", providerMessageId: sent.providerMessageId, subject });
  } catch (error) {
    if (!(error instanceof PermanentSendError)) throw error;
    await moveNotification(ctx, { notificationId: row.id, to: "failed", detail: error.message, subject });
  }
  return currentStatus(ctx, row.id);
}

async function currentStatus(ctx: ServiceContext, notificationId: string): Promise<NotificationStatus> {
  const [row] = await ctx.db.select({ status: notifications.status }).from(notifications).where(eq(notifications.id, notificationId));
  return row!.status;
}

/** The channel kept failing past every retry: the message is recorded failed with the last error, and nothing more is tried. */
export async function recordSendFailure(ctx: ServiceContext, input: { notificationId: string; error: string }): Promise<void> {
  await moveNotification(ctx, { notificationId: input.notificationId, to: "failed", detail: input.error });
}
