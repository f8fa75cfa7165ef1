import { eq } from "drizzle-orm";
import { notificationEvents, notifications } from "@/db/schema";
import { requireAdmin, withTransaction, type ServiceContext } from "../context";
import { writeEvent } from "../events/write-event";
import { notFound } from "../errors";
import { BLOCK_DETAILS, deliveryBlock } from "./delivery-block";
import type { NotificationIdInput } from "./schemas";

/**
 * An admin sends a message again: a new message (its own id, so its own idempotency key) linked to the first, rendered
 * as things stand now and sent through the same path. Suppression and the recipient's choices still apply.
 */
export async function resendNotification(ctx: ServiceContext, input: NotificationIdInput): Promise<{ id: string; status: "queued" | "skipped" }> {
  const adminId = requireAdmin(ctx);
  return withTransaction(ctx, async (tx) => {
    const [first] = await tx.db
      .select({ id: notifications.id, kind: notifications.kind, subjectId: notifications.subjectId, recipient: notifications.recipient, channel: notifications.channel })
      .from(notifications)
      .where(eq(notifications.id, input.notificationId));
    if (!first) throw notFound("Notification");
    const block = await deliveryBlock(tx, first);
    const [fresh] = await tx.db
      .insert(notifications)
      .values({ kind: first.kind, subjectId: first.subjectId, recipient: first.recipient, channel: first.channel, resendOf: first.id, status: block ? "skipped" : "queued", skipReason: block })
      .returning({ id: notifications.id });
    await tx.db.insert(notificationEvents).values({ notificationId: fresh!.id, status: block ? "skipped" : "queued", detail: block ? BLOCK_DETAILS[block] : `resent by admin ${adminId}` });
    if (!block) await writeEvent(tx, { name: "shop/notification.queued", data: { notificationId: fresh!.id } });
    return { id: fresh!.id, status: block ? "skipped" : "queued" };
  });
}
