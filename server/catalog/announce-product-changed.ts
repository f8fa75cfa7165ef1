import { sql } from "drizzle-orm";
import { outbox } from "@/db/schema";
import type { ServiceContext } from "../context";
import { OUTBOX_CHANNEL, writeEvent } from "../events/write-event";
import { currentRequestId } from "../log";

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

/**
 * In the caller's transaction, in one statement: shop/product.changed for every product in the subtree under this
 * category (itself included), whose ancestry (the search documents' categoryIds) a move has just changed.
 */
export async function announceSubtreeChanged(ctx: ServiceContext, categoryId: number): Promise<void> {
  if (!ctx.inTransaction) throw new Error("announceSubtreeChanged outside a transaction: the events must commit with the move");
  await ctx.db.execute(sql`
    with recursive subtree as (
      select id from categories where id = ${categoryId}
      union all
      select c.id from categories c join subtree s on c.parent_id = s.id
    ),
    written as (
      insert into ${outbox} (name, data, request_id)
      select 'shop/product.changed', jsonb_build_object('productId', p.id), ${currentRequestId() ?? null}
        from products p where p.category_id in (select id from subtree) order by p.id
      returning 1
    )
    select pg_notify(${OUTBOX_CHANNEL}, '') from (select 1 from written limit 1) w`);
}
