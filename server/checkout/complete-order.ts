import { sql } from "drizzle-orm";
import { withTransaction, type ServiceContext } from "../context";
import { writeEvent } from "../events/write-event";
import { commitStock } from "../inventory/commit-stock";
import { leavePending, requireOperator, type OrderTransition } from "./order-transition";

/**
 * The payment went through: in one transaction the order becomes paid (with paid_at and a "paid" event), its reserved
 * stock is committed and shop/order.paid goes to the outbox. Only from pending, so it is idempotent and never revives a
 * cancelled order.
 */
export async function completeOrder(ctx: ServiceContext, input: { orderId: string }): Promise<OrderTransition> {
  requireOperator(ctx);
  return withTransaction(ctx, async (tx) => {
    const result = await leavePending(tx, input.orderId, sql`status = 'paid', paid_at = now()`, { type: "paid" });
    if (result.changed) {
      await commitStock(tx, { orderId: input.orderId });
      await writeEvent(tx, { name: "shop/order.paid", data: { orderId: input.orderId } }, { key: `order-paid-${input.orderId}` });
    }
    return result;
  });
}
