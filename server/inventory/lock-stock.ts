import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";

export interface LockedStock {
  variantId: number;
  warehouseId: number;
  available: number;
}

/** A Postgres int[] literal, bound as one parameter. */
export const intArray = (values: readonly number[]) => `{${values.join(",")}}`;

/**
 * Locks the stock rows of these variants in (variant_id, warehouse_id) order. Every writer of stock_levels locks in
 * this order first, so concurrent checkouts over overlapping carts queue behind each other instead of deadlocking.
 * Call inside a transaction.
 */
export async function lockStockLevels(ctx: ServiceContext, variantIds: readonly number[]): Promise<LockedStock[]> {
  return ctx.db.execute<LockedStock & Record<string, unknown>>(sql`
    select variant_id as "variantId", warehouse_id as "warehouseId", on_hand - reserved as available
      from stock_levels
     where variant_id = any(${intArray(variantIds)}::int[])
     order by variant_id, warehouse_id
       for update`);
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
