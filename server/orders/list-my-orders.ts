import { count, desc, eq } from "drizzle-orm";
import { orders } from "@/db/schema";
import type { ServiceContext } from "../context";
import { DomainError } from "../errors";
import { orderColumns } from "./order-queries";
import type { ListMyOrdersInput, OrderSummary } from "./schemas";

/** The signed-in shopper's order history, newest first. Guests have no history: their orders open through their links. */
export async function listMyOrders(ctx: ServiceContext, input: ListMyOrdersInput): Promise<{ items: OrderSummary[]; total: number }> {
  const { actor } = ctx;
  if (actor.type !== "shopper" && actor.type !== "admin") throw new DomainError("Unauthenticated", "sign in to see your orders");
  const mine = eq(orders.userId, actor.userId);
  const [items, [totals]] = await Promise.all([
    ctx.db
      .select(orderColumns)
      .from(orders)
      .where(mine)
      .orderBy(desc(orders.placedAt), desc(orders.number))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    ctx.db.select({ total: count() }).from(orders).where(mine),
  ]);
  return { items, total: totals?.total ?? 0 };
}
