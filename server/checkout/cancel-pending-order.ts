import { sql } from "drizzle-orm";
import { withTransaction, type ServiceContext } from "../context";
import { writeEvent } from "../events/write-event";
import { releaseStock } from "../inventory/reserve-stock";
import { leavePending, requireOperator, type OrderTransition } from "./order-transition";

/**
 * Gives up on an unpaid order: in one transaction it becomes cancelled with its reason (and a "cancelled" event), its reserved
 * stock goes back and shop/order.cancelled is written to the outbox. Only from pending, so it is idempotent and never touches a paid order.
 */
export async function cancelPendingOrder(ctx: ServiceContext, input: { orderId: string; reason: string }): Promise<OrderTransition> {
  requireOperator(ctx);
  return withTransaction(ctx, async (tx) => {
    const by = ctx.actor.type === "admin" ? ctx.actor.userId : null;
    const set = sql`status = 'cancelled', cancel_reason = ${input.reason}, cancelled_at = now(), cancelled_by = ${by}`;
    const result = await leavePending(tx, input.orderId, set, { type: "cancelled", detail: input.reason });
    if (result.changed) {
      await releaseStock(tx, input);
      await writeEvent(tx, { name: "shop/order.cancelled", data: input }, { key: `order-cancelled-${input.orderId}` });
    }
    return result;
  });
}
