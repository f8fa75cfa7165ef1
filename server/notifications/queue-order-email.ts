import { eq } from "drizzle-orm";
import { orders } from "@/db/schema";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { queueNotifications, type QueuedNotification } from "./queue-notifications";
import type { OrderEmailKind } from "./schemas";

/**
 * The consumer's side of an order event: the email it calls for, to the order's address, queued or skipped in the
 * ledger. `subjectId` is the order unless the message is about a part of it (a refund).
 */
export async function queueOrderEmail(ctx: ServiceContext, input: { kind: OrderEmailKind; orderId: string; subjectId?: string }): Promise<QueuedNotification[]> {
  const [order] = await ctx.db.select({ email: orders.email }).from(orders).where(eq(orders.id, input.orderId));
  if (!order) throw notFound("Order");
  return queueNotifications(ctx, { kind: input.kind, subjectId: input.subjectId ?? input.orderId, recipients: [order.email] });
}
