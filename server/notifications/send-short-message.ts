import { eq } from "drizzle-orm";
import { notifications } from "@/db/schema";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { BLOCK_DETAILS, deliveryBlock } from "./delivery-block";
import { PermanentSendError } from "./mail-sender";
import { currentStatus, moveNotification } from "./move-notification";
import { pushSenderFor } from "./push-sender-for";
import type { NotificationStatus } from "./schemas";
import type { ShortMessageContent } from "./short-messages";
import { smsSenderFor } from "./sms-sender-for";

/**
 * Hands a queued SMS to the SMS port (recipient: the phone number) or a push to the push port (recipient: the shopper's
 * id), then records it sent; as for email, a refusal for good records it failed and anything else throws for a retry,
 * and a shopper who switched the channel off since it was queued is not sent it.
 */
export async function sendShortMessage(ctx: ServiceContext, input: { notificationId: string; content: ShortMessageContent }): Promise<NotificationStatus> {
  const [row] = await ctx.db
    .select({ id: notifications.id, kind: notifications.kind, channel: notifications.channel, recipient: notifications.recipient, userId: notifications.userId, status: notifications.status })
    .from(notifications)
    .where(eq(notifications.id, input.notificationId));
  if (!row) throw notFound("Notification");
  if (row.status !== "queued") return row.status;
  const { content } = input;
  if (content.channel !== row.channel) throw new Error(`message ${row.id} is for ${row.channel}, rendered for ${content.channel}`);
  const subject = content.channel === "sms" ? null : content.payload.title;
  const block = await deliveryBlock(ctx, { kind: row.kind, recipient: row.recipient, channel: row.channel, userId: row.userId });
  if (block) {
    await moveNotification(ctx, { notificationId: row.id, to: "skipped", skipReason: block, detail: `${BLOCK_DETAILS[block]} (found at send time)` });
    return currentStatus(ctx, row.id);
  }
  try {
    const sent =
      content.channel === "sms"
        ? await smsSenderFor(ctx).send({ id: row.id, to: row.recipient, text: content.text })
        : await pushSenderFor(ctx).send({ id: row.id, userId: row.recipient, payload: content.payload });
    await moveNotification(ctx, { notificationId: row.id, to: "sent", providerMessageId: sent.providerMessageId, subject });
  } catch (error) {
    if (!(error instanceof PermanentSendError)) throw error;
    await moveNotification(ctx, { notificationId: row.id, to: "failed", detail: error.message, subject });
  }
  return currentStatus(ctx, row.id);
}
