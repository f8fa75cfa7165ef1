import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";
import { writeEvent } from "../events/write-event";

/** In the caller's transaction: shop/product.changed for each product, so search rewrites its document. */
export async function announceProductChanged(ctx: ServiceContext, productIds: number[]): Promise<void> {
  for (const productId of [...new Set(productIds)].sort((a, b) => a - b)) await writeEvent(ctx, { name: "shop/product.changed", data: { productId } });
}

/**
 * After a stock write, in its transaction: announces the products of these variants, or with `soldOut` only those of
 * variants with nothing left to sell, whose product may just have gone out of stock.
 */
export async function announceStockChange(ctx: ServiceContext, variantIds: number[], options: { soldOut?: boolean } = {}): Promise<void> {
  if (!variantIds.length) return;
  const rows = await ctx.db.execute<{ productId: number }>(sql`
    select distinct v.product_id as "productId" from variants v
     where v.id = any(${`{${variantIds.join(",")}}`}::int[])
       and (${!options.soldOut} or not exists (select 1 from stock_levels s where s.variant_id = v.id and s.on_hand - s.reserved > 0))`);
  await announceProductChanged(ctx, rows.map((r) => r.productId));
}
