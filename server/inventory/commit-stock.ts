import { sql } from "drizzle-orm";
import { withTransaction, type ServiceContext } from "../context";
import { lockReservedStock } from "./lock-stock";

/**
 * Turns an order's active reservations into shipped stock: on_hand and reserved both drop, one ledger row per
 * reservation. Idempotent: committed rows are never committed again.
 */
export async function commitStock(ctx: ServiceContext, input: { orderId: string }): Promise<{ committed: number }> {
  return withTransaction(ctx, async (tx) => {
    await lockReservedStock(tx, input.orderId);
    const rows = await tx.db.execute(sql`
      with committed as (
        update stock_reservations set status = 'committed'
         where order_id = ${input.orderId} and status = 'active'
        returning variant_id, warehouse_id, quantity
      ), levels as (
        update stock_levels s set on_hand = s.on_hand - c.quantity, reserved = s.reserved - c.quantity
          from committed c
         where s.variant_id = c.variant_id and s.warehouse_id = c.warehouse_id
      )
      insert into stock_movements (variant_id, warehouse_id, on_hand_delta, reserved_delta, reason, order_id)
      select variant_id, warehouse_id, -quantity, -quantity, 'commit', ${input.orderId} from committed
      returning 1`);
    return { committed: rows.length };
  });
}
