import { sql, type SQL } from "drizzle-orm";
import type { ServiceContext } from "../context";
import { DomainError, notFound } from "../errors";
import type { OrderStatus } from "./schemas";

export interface OrderTransition {
  orderId: string;
  /** The order's status after the call, whoever set it. */
  status: OrderStatus;
  /** False when the order had already left pending: nothing was written. */
  changed: boolean;
}

/** Orders move on only through the shop's own jobs, webhooks and admins, never straight from a shopper's request. */
export function requireOperator(ctx: ServiceContext): void {
  if (ctx.actor.type === "anonymous" || ctx.actor.type === "shopper") throw new DomainError("Forbidden", "only the shop moves an order on");
}

/**
 * Moves a pending order forward (`set` decides to what) and records `event` on its timeline in the same statement.
 * The status condition makes it forward-only and idempotent: a second or concurrent call finds the order no longer
 * pending and changes nothing. Call inside a transaction; the row stays locked until it ends.
 */
export async function leavePending(ctx: ServiceContext, orderId: string, set: SQL, event: { type: string; detail?: string }): Promise<OrderTransition> {
  const [moved] = await ctx.db.execute<{ status: OrderStatus }>(sql`
    with moved as (
      update orders set ${set}, updated_at = now() where id = ${orderId} and status = 'pending' returning id, status
    ), logged as (
      insert into order_events (order_id, type, detail) select id, ${event.type}, ${event.detail ?? null} from moved
    )
    select status from moved`);
  if (moved) return { orderId, status: moved.status, changed: true };
  const [current] = await ctx.db.execute<{ status: OrderStatus }>(sql`select status from orders where id = ${orderId}`);
  if (!current) throw notFound("Order");
  return { orderId, status: current.status, changed: false };
}
