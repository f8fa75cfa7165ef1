import { count, desc, eq } from "drizzle-orm";
import { mailboxMessages, notifications } from "@/db/schema";
import { requireAdmin, type ServiceContext } from "../context";
import type { ListMailboxInput } from "./schemas";

/**
 * Every message the shop decided about, newest first, for /admin/mailbox: to whom, what, and where it stands. With the
 * dev mailbox the message itself is stored too (`stored`); with Resend only the ledger is ours.
 */
export async function listMailbox(ctx: ServiceContext, input: ListMailboxInput) {
  requireAdmin(ctx);
  const [items, [counted]] = await Promise.all([
    ctx.db
      .select({
        id: notifications.id,
        to: notifications.recipient,
        subject: notifications.subject,
        kind: notifications.kind,
        status: notifications.status,
        skipReason: notifications.skipReason,
        createdAt: notifications.createdAt,
        stored: mailboxMessages.id,
      })
      .from(notifications)
      .leftJoin(mailboxMessages, eq(mailboxMessages.id, notifications.id))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    ctx.db.select({ total: count() }).from(notifications),
  ]);
  return { items: items.map(({ stored, ...item }) => ({ ...item, stored: stored !== null })), total: counted?.total ?? 0 };
}
