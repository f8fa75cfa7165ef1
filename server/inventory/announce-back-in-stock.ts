import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";
import { announceStockChange } from "../catalog/announce-product-changed";
import { writeEvent } from "../events/write-event";
import { intArray } from "./lock-stock";

/**
 * Call after a stock write that raised availability, in its transaction, with the units each variant gained: a variant
 * that had none available before (over all warehouses) and has some now is announced as back in stock.
 */
export async function announceBackInStock(ctx: ServiceContext, gains: { variantId: number; quantity: number }[]): Promise<void> {
  const gained = new Map<number, number>();
  for (const { variantId, quantity } of gains) if (quantity > 0) gained.set(variantId, (gained.get(variantId) ?? 0) + quantity);
  if (gained.size === 0) return;
  const rows = await ctx.db.execute<{ variantId: number; available: number }>(sql`
    select variant_id as "variantId", sum(on_hand - reserved)::int as available
      from stock_levels
     where variant_id = any(${intArray([...gained.keys()])}::int[])
     group by variant_id`);
  const back = rows.filter(({ variantId, available }) => available > 0 && available - gained.get(variantId)! <= 0).map((r) => r.variantId);
  for (const variantId of back) await writeEvent(ctx, { name: "shop/variant.back-in-stock", data: { variantId } });
  await announceStockChange(ctx, back);
}
