import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { notificationEvents, notifications } from "@/db/schema";
import type { ServiceContext } from "../context";
import { withAnnouncement } from "../events/write-event";
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
 * and announced (shop/notification.queued) in the same statement. A second call for the same message, from a
 * redelivered event or a retried step, finds the ledger row and changes nothing.
 */
export async function queueNotifications(ctx: ServiceContext, input: QueueNotificationsInput): Promise<QueuedNotification[]> {
  const recipients = [...new Set(input.recipients.map((r) => r.trim().toLowerCase()))];
  const channel = input.channel ?? "email";
  const decided: QueuedNotification[] = [];
  for (const recipient of recipients) {
    const skipReason = input.skipReason ?? (await deliveryBlock(ctx, { kind: input.kind, recipient, channel, userId: input.userId }));
    const message = { id: randomUUID(), kind: input.kind, subjectId: input.subjectId, recipient, channel, userId: input.userId ?? null, skipReason };
    decided.push((await insertMessage(ctx, message)) ?? (await knownMessage(ctx, message)));
  }
  return decided;
}

type NewMessage = { id: string; kind: string; subjectId: string; recipient: string; channel: NotificationChannel; userId: string | null; skipReason: string | null };

/**
 * The ledger row, its first timeline row and, for a queued message, its announcement, in one statement (one round trip,
 * no transaction of its own): all of them, or none when the message is already in the ledger.
 */
async function insertMessage(ctx: ServiceContext, message: NewMessage): Promise<QueuedNotification | undefined> {
  const status: NotificationStatus = message.skipReason ? "skipped" : "queued";
  const detail = message.skipReason && (BLOCK_DETAILS[message.skipReason as BlockReason] ?? message.skipReason);
  const [row] = await ctx.db.execute<QueuedNotification>(
    withAnnouncement(
      { name: "shop/notification.queued", data: { notificationId: message.id } },
      {
        change: sql`
          fresh as (
            insert into ${notifications} (id, kind, subject_id, recipient, channel, user_id, status, skip_reason)
            values (${message.id}, ${message.kind}, ${message.subjectId}, ${message.recipient}, ${message.channel}, ${message.userId}, ${status}, ${message.skipReason})
            on conflict do nothing returning id, recipient, status, skip_reason
          ),
          timeline as (insert into ${notificationEvents} (notification_id, status, detail) select id, status, ${detail} from fresh),`,
        when: sql`exists (select from fresh where status = 'queued')`,
        select: sql`select id, recipient, status, skip_reason as "skipReason", (select count(*) from woken) as woken from fresh`,
      },
    ),
  );
  return row && { id: row.id, recipient: row.recipient, status: row.status, skipReason: row.skipReason };
}

async function knownMessage(ctx: ServiceContext, message: NewMessage): Promise<QueuedNotification> {
  const [known] = await ctx.db
    .select({ id: notifications.id, recipient: notifications.recipient, status: notifications.status, skipReason: notifications.skipReason })
    .from(notifications)
    .where(and(eq(notifications.kind, message.kind), eq(notifications.subjectId, message.subjectId), eq(notifications.recipient, message.recipient), eq(notifications.channel, message.channel), isNull(notifications.resendOf)));
  return known!;
}
