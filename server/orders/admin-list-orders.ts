import { and, count, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import { orders } from "@/db/schema";
import { requireAdmin, type ServiceContext } from "../context";
import { orderColumns } from "./order-queries";
import type { AdminListOrdersInput, OrderSummary } from "./schemas";

export interface AdminOrderRow extends OrderSummary {
  email: string;
  refundedAmount: number;
}

/** Every order, newest first, optionally of one status and matching an order number ("100123", "#100123") or part of an email. */
export async function adminListOrders(ctx: ServiceContext, input: AdminListOrdersInput): Promise<{ items: AdminOrderRow[]; total: number }> {
  requireAdmin(ctx);
  const where = and(input.status ? eq(orders.status, input.status) : undefined, input.q ? matches(input.q) : undefined);
  const [items, [totals]] = await Promise.all([
    ctx.db
      .select({ ...orderColumns, email: orders.email, refundedAmount: orders.refundedAmount })
      .from(orders)
      .where(where)
      .orderBy(desc(orders.placedAt), desc(orders.number))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    ctx.db.select({ total: count() }).from(orders).where(where),
  ]);
  return { items, total: totals?.total ?? 0 };
}

function matches(q: string): SQL | undefined {
  const email = ilike(orders.email, `%${q.replace(/[\\%_]/g, "\\$&")}%`);
  const digits = /^#?\s*(\d{1,16})$/.exec(q)?.[1];
  const number = digits === undefined ? NaN : Number(digits);
  return Number.isSafeInteger(number) ? or(eq(orders.number, number), email) : email;
}
