import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";

export interface LockedStock {
  variantId: number;
  warehouseId: number;
  onHand: number;
  reserved: number;
  /** on_hand - reserved, or 0 in a deactivated warehouse. */
  available: number;
}

/** A Postgres int[] literal, bound as one parameter. */
export const intArray = (values: readonly number[]) => `{${values.join(",")}}`;

/**
 * Locks the stock rows of these variants in (variant_id, warehouse_id) order; a deactivated warehouse shows nothing
 * available, so it takes no new reservations. Every writer of stock_levels locks in
 * this order first, so concurrent checkouts over overlapping carts queue behind each other instead of deadlocking.
 * Call inside a transaction.
 */
export async function lockStockLevels(ctx: ServiceContext, variantIds: readonly number[]): Promise<LockedStock[]> {
  return ctx.db.execute<LockedStock & Record<string, unknown>>(sql`
    select s.variant_id as "variantId", s.warehouse_id as "warehouseId", s.on_hand as "onHand", s.reserved,
           case when w.active then s.on_hand - s.reserved else 0 end as available
      from stock_levels s
      join warehouses w on w.id = s.warehouse_id
     where s.variant_id = any(${intArray(variantIds)}::int[])
     order by s.variant_id, s.warehouse_id
       for update of s`);
}

/** Locks, in the same order, the stock rows an order's active reservations hold. */
export async function lockReservedStock(ctx: ServiceContext, orderId: string): Promise<void> {
  await ctx.db.execute(sql`
    select 1
      from stock_levels s
     where (s.variant_id, s.warehouse_id) in (
             select variant_id, warehouse_id from stock_reservations where order_id = ${orderId} and status = 'active')
     order by s.variant_id, s.warehouse_id
       for update`);
}
