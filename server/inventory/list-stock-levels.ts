import { sql } from "drizzle-orm";
import { requireAdmin, type ServiceContext } from "../context";
import type { ListStockLevelsInput } from "./schemas";

export interface StockLevelRow {
  variantId: number;
  sku: string;
  productId: number;
  productTitle: string;
  variantTitle: string;
  warehouseId: number;
  warehouseName: string;
  warehouseActive: boolean;
  onHand: number;
  reserved: number;
  available: number;
  /** The variant's availability over its active warehouses, which the low-stock threshold is judged on. */
  variantAvailable: number;
  threshold: number;
  /** The threshold is the shop's default (the variant has none of its own). */
  defaultThreshold: boolean;
}

/**
 * Stock per variant and warehouse, by SKU: searched by SKU or product title, narrowed to one variant or warehouse, to variants
 * at or below their low-stock threshold (`low`) or with nothing available (`out`), a page at a time.
 */
export async function listStockLevels(ctx: ServiceContext, input: ListStockLevelsInput): Promise<{ items: StockLevelRow[]; total: number }> {
  requireAdmin(ctx);
  const pattern = input.q ? `%${input.q.replace(/[\\%_]/g, "\\$&")}%` : null;
  const rows = await ctx.db.execute<StockLevelRow & { total: number } & Record<string, unknown>>(sql`
    with variant_stock as (
      select v.id as variant_id, v.sku, v.title as variant_title, p.id as product_id, p.title as product_title,
             coalesce((select sum(s.on_hand - s.reserved) from stock_levels s join warehouses w on w.id = s.warehouse_id
                        where s.variant_id = v.id and w.active), 0)::int as variant_available,
             coalesce(vs.low_stock_threshold, d.default_low_stock_threshold) as threshold,
             vs.low_stock_threshold is null as default_threshold
        from variants v
        join products p on p.id = v.product_id
       cross join inventory_settings d
        left join variant_stock_settings vs on vs.variant_id = v.id
       where (${pattern}::text is null or v.sku ilike ${pattern} or p.title ilike ${pattern})
         and (${input.variantId ?? null}::int is null or v.id = ${input.variantId ?? null})
    )
    select vs.variant_id as "variantId", vs.sku, vs.product_id as "productId", vs.product_title as "productTitle",
           vs.variant_title as "variantTitle", w.id as "warehouseId", w.name as "warehouseName", w.active as "warehouseActive",
           s.on_hand as "onHand", s.reserved, s.on_hand - s.reserved as available, vs.variant_available as "variantAvailable",
           vs.threshold, vs.default_threshold as "defaultThreshold", count(*) over ()::int as total
      from variant_stock vs
      join stock_levels s on s.variant_id = vs.variant_id
      join warehouses w on w.id = s.warehouse_id
     where (${input.warehouseId ?? null}::int is null or w.id = ${input.warehouseId ?? null})
       and (${input.filter ?? null}::text is null
            or (${input.filter ?? null} = 'low' and vs.variant_available <= vs.threshold)
            or (${input.filter ?? null} = 'out' and vs.variant_available <= 0))
     order by vs.sku, w.id
     limit ${input.pageSize} offset ${(input.page - 1) * input.pageSize}`);
  return { items: [...rows], total: rows[0]?.total ?? 0 };
}
