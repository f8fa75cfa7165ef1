import { asc, count, eq, sql } from "drizzle-orm";
import { orders, returnLines, returns } from "@/db/schema";
import { requireAdmin, type ServiceContext } from "../context";
import type { ReturnStatus } from "./return-status";
import type { AdminListReturnsInput } from "./schemas";

export const RETURNS_PAGE_SIZE = 50;

export interface ReturnListRow {
  returnId: string;
  orderId: string;
  orderNumber: number;
  email: string;
  status: ReturnStatus;
  reason: string;
  refundAmount: number;
  currency: string;
  itemCount: number;
  /** When the return reached its status. */
  since: Date;
  /** Seconds in its status, by the database's clock. */
  ageSeconds: number;
}

/** When each status was reached: the list waits on this, oldest first. */
const since = sql<Date>`case ${returns.status}
  when 'requested' then ${returns.requestedAt} when 'approved' then ${returns.approvedAt} when 'received' then ${returns.receivedAt}
  when 'refunded' then ${returns.refundedAt} else ${returns.rejectedAt} end`;

/** The admin's returns in one status, the longest waiting first, with their order and age. */
export async function listReturns(ctx: ServiceContext, input: AdminListReturnsInput): Promise<{ items: ReturnListRow[]; total: number; page: number; pageSize: number }> {
  requireAdmin(ctx);
  const [items, [counted]] = await Promise.all([
    ctx.db
      .select({
        returnId: returns.id,
        orderId: returns.orderId,
        orderNumber: orders.number,
        email: orders.email,
        status: returns.status,
        reason: returns.reason,
        refundAmount: returns.refundAmount,
        currency: returns.currency,
        itemCount: sql<number>`(select coalesce(sum(${returnLines.quantity}), 0)::int from ${returnLines} where ${returnLines.returnId} = ${returns.id})`,
        since: sql<Date>`${since}`.mapWith(returns.requestedAt),
        ageSeconds: sql<number>`extract(epoch from now() - ${since})::int`,
      })
      .from(returns)
      .innerJoin(orders, eq(orders.id, returns.orderId))
      .where(eq(returns.status, input.status))
      .orderBy(asc(since), asc(returns.id))
      .limit(RETURNS_PAGE_SIZE)
      .offset((input.page - 1) * RETURNS_PAGE_SIZE),
    ctx.db.select({ total: count() }).from(returns).where(eq(returns.status, input.status)),
  ]);
  return { items, total: counted?.total ?? 0, page: input.page, pageSize: RETURNS_PAGE_SIZE };
}
