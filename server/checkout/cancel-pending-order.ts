import { sql } from "drizzle-orm";
import { withTransaction, type ServiceContext } from "../context";
import { releaseStock } from "../inventory/reserve-stock";
import { leavePending, requireOperator, type OrderTransition } from "./order-transition";

/**
 * Gives up on an unpaid order: in one transaction it becomes cancelled with its reason (and a "cancelled" event) and its
 * reserved stock goes back. Only from pending, so it is idempotent and never touches a paid order.
 */
export async function cancelPendingOrder(ctx: ServiceContext, input: { orderId: string; reason: string }): Promise<OrderTransition> {
  requireOperator(ctx);
  return withTransaction(ctx, async (tx) => {
    const set = sql`status = 'cancelled', cancel_reason = ${input.reason}, cancelled_at = now()`;
    const result = await leavePending(tx, input.orderId, set, { type: "cancelled", detail: input.reason });
    if (result.changed) await releaseStock(tx, input);
    return result;
  });
}
