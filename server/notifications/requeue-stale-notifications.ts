import { sql } from "drizzle-orm";
import { withTransaction, type ServiceContext } from "../context";
import { writeEvent } from "../events/write-event";

const BATCH = 100;

/**
 * Announces again the messages still queued a few minutes after their last move: their send run was lost (the
 * in-process runner restarted). Each is stamped so it is announced at most once per interval; a second run for a
 * message already sent is harmless, the send being keyed by the message id.
 */
export async function requeueStaleNotifications(ctx: ServiceContext, input: { olderThanMinutes?: number } = {}): Promise<{ requeued: number }> {
  const minutes = input.olderThanMinutes ?? 5;
  return withTransaction(ctx, async (tx) => {
    const stale = await tx.db.execute<{ id: string }>(sql`
      update notifications set updated_at = now()
       where id in (select id from notifications
                     where status = 'queued' and updated_at <= now() - make_interval(mins => ${minutes})
                     order by updated_at limit ${BATCH} for update skip locked)
      returning id`);
    for (const { id } of stale) await writeEvent(tx, { name: "shop/notification.queued", data: { notificationId: id } });
    return { requeued: stale.length };
  });
}
