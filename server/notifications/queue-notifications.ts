import { and, eq, isNull } from "drizzle-orm";
import { notificationEvents, notifications } from "@/db/schema";
import { withTransaction, type ServiceContext } from "../context";
import { writeEvent } from "../events/write-event";
import { BLOCK_DETAILS, deliveryBlock, type BlockReason } from "./delivery-block";
import type { NotificationChannel } from "./preference-schemas";
import type { NotificationStatus } from "./schemas";

export interface QueueNotificationsInput {
  kind: string;
  subjectId: string;
  /** Addresses (email), phone numbers (SMS) or shopper ids (push). */
  recipients: string[];
  /** Email unless given. */
  channel?: NotificationChannel;
  /** The shopper the recipients belong to, when known: their choices decide whether an SMS goes to the number. */
  userId?: string | null;
  /** Why the message is skipped whoever would receive it (it no longer applies), as the caller found. */
  skipReason?: string;
}

export type QueuedNotification = {
  id: string;
  recipient: string;
  status: NotificationStatus;
  skipReason: string | null;
};

/**
 * Decides, once per (kind, subject, recipient, channel), whether a message goes out: one to a suppressed address, one
 * the recipient opted out of (preference), or one the caller found outdated, is recorded as skipped; any other is queued
 * and announced (shop/notification.queued) in the same transaction. A second call for the same message, from a redelivered event or a retried step, finds the
 * ledger row and changes nothing.
 */
export async function queueNotifications(ctx: ServiceContext, input: QueueNotificationsInput): Promise<QueuedNotification[]> {
  const recipients = [...new Set(input.recipients.map((r) => r.trim().toLowerCase()))];
  if (recipients.length === 0) return [];
  const channel = input.channel ?? "email";
  return withTransaction(ctx, async (tx) => {
    const decided: QueuedNotification[] = [];
    for (const recipient of recipients) {
      const skipReason = input.skipReason ?? (await deliveryBlock(tx, { kind: input.kind, recipient, channel, userId: input.userId }));
      const columns = { id: notifications.id, recipient: notifications.recipient, status: notifications.status, skipReason: notifications.skipReason };
      const [fresh] = await tx.db
        .insert(notifications)
        .values({ kind: input.kind, subjectId: input.subjectId, recipient, channel, status: skipReason ? "skipped" : "queued", skipReason })
        .onConflictDoNothing()
        .returning(columns);
      if (!fresh) {
        const [known] = await tx.db
          .select(columns)
          .from(notifications)
          .where(and(eq(notifications.kind, input.kind), eq(notifications.subjectId, input.subjectId), eq(notifications.recipient, recipient), eq(notifications.channel, channel), isNull(notifications.resendOf)));
        decided.push(known!);
        continue;
      }
      await tx.db.insert(notificationEvents).values({ notificationId: fresh.id, status: fresh.status, detail: skipReason && (BLOCK_DETAILS[skipReason as BlockReason] ?? skipReason) });
      if (fresh.status === "queued") await writeEvent(tx, { name: "shop/notification.queued", data: { notificationId: fresh.id } });
      decided.push(fresh);
    }
    return decided;
  });
}
