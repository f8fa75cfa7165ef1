import { desc, eq, or } from "drizzle-orm";
import { notifications } from "@/db/schema";
import type { ServiceContext } from "../context";
import { kindLabel, messageColumns, type OrderMessage } from "./list-order-messages";

const LIMIT = 100;

/**
 * The latest messages to a shopper, newest first: those queued for their account and those sent to their address (a
 * guest order before they signed up). No authorisation here: the admin's customer page decides who sees them.
 */
export async function listCustomerMessages(ctx: ServiceContext, input: { userId: string; email: string }): Promise<OrderMessage[]> {
  const rows = await ctx.db
    .select(messageColumns)
    .from(notifications)
    .where(or(eq(notifications.userId, input.userId), eq(notifications.recipient, input.email.toLowerCase())))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(LIMIT);
  return rows.map((row) => ({ ...row, label: kindLabel(row.kind) }));
}
