import { eq, sql } from "drizzle-orm";
import { preparedPerHandle } from "@/db/prepared";
import { notificationEvents, notifications } from "@/db/schema";
import type { ServiceContext } from "../context";
import type { NotificationStatus } from "./schemas";

export interface NotificationMove {
  notificationId: string;
  to: NotificationStatus;
  detail?: string | null;
  providerMessageId?: string | null;
  subject?: string | null;
  /** Required by the table for a move to skipped. */
  skipReason?: string | null;
}

/**
 * Moves a message to `to` and writes its timeline row, in one statement, when status_transitions allows the move from
 * where it stands; otherwise nothing (a late "sent" after the webhook said "delivered", a replayed webhook). True when it moved.
 */
export async function moveNotification(ctx: ServiceContext, move: NotificationMove): Promise<boolean> {
  const rows = await ctx.db.execute<{ id: string }>(sql`
    with moved as (
      update ${notifications}
         set status = ${move.to}, updated_at = now(),
             provider_message_id = coalesce(provider_message_id, ${move.providerMessageId ?? null}),
             subject = coalesce(${move.subject ?? null}, subject),
             skip_reason = coalesce(${move.skipReason ?? null}, skip_reason)
       where id = ${move.notificationId}
         and status::text in (select from_status from status_transitions where entity = 'notifications' and to_status = ${move.to})
      returning id
    )
    insert into ${notificationEvents} (notification_id, status, detail)
    select id, ${move.to}, ${move.detail ?? null} from moved
    returning notification_id as id`);
  return rows.length > 0;
}

const statusQuery = preparedPerHandle((db) =>
  db.select({ status: notifications.status }).from(notifications).where(eq(notifications.id, sql.placeholder("notificationId"))).prepare("notification_status"),
);

/** Where a message stands now, as read after a move that may have lost to the provider's webhook. */
export async function currentStatus(ctx: ServiceContext, notificationId: string): Promise<NotificationStatus> {
  const [row] = await statusQuery(ctx.db).execute({ notificationId });
  return row!.status;
}
