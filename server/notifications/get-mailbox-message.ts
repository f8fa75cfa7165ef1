import { asc, eq } from "drizzle-orm";
import { mailboxMessages, notificationEvents, notifications } from "@/db/schema";
import { requireAdmin, type ServiceContext } from "../context";
import { notFound } from "../errors";
import type { NotificationIdInput } from "./schemas";

/** One message for /admin/mailbox/[id]: its ledger row, its status timeline and, from the dev mailbox, what was sent (HTML, text, headers). */
export async function getMailboxMessage(ctx: ServiceContext, input: NotificationIdInput) {
  requireAdmin(ctx);
  const [notification] = await ctx.db.select().from(notifications).where(eq(notifications.id, input.notificationId));
  if (!notification) throw notFound("Message");
  const [[message], timeline] = await Promise.all([
    ctx.db.select().from(mailboxMessages).where(eq(mailboxMessages.id, notification.id)),
    ctx.db
      .select({ id: notificationEvents.id, status: notificationEvents.status, detail: notificationEvents.detail, createdAt: notificationEvents.createdAt })
      .from(notificationEvents)
      .where(eq(notificationEvents.notificationId, notification.id))
      .orderBy(asc(notificationEvents.id)),
  ]);
  return { notification, message: message ?? null, timeline };
}
