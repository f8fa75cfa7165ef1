import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";

/**
 * The low-stock figures recounted from every stock row (the dashboard's statement before low_stock_variants): variants
 * of active products whose availability over active warehouses is at or below their threshold, and those with none.
 */
export async function recountLowStock(db: ServiceContext["db"]): Promise<{ low: number; out: number }> {
  const [row] = await db.execute<{ low: number; out: number }>(sql`
    with levels as (
      select sl.variant_id, sum(sl.on_hand - sl.reserved) as available
        from stock_levels sl join warehouses w on w.id = sl.warehouse_id and w.active
       group by sl.variant_id
    )
    select count(*) filter (where l.available <= coalesce(vs.low_stock_threshold, d.threshold))::int as low,
           count(*) filter (where l.available <= 0)::int as out
      from levels l
      join variants v on v.id = l.variant_id
      join products p on p.id = v.product_id and p.status = 'active'
      left join variant_stock_settings vs on vs.variant_id = l.variant_id
     cross join (select coalesce((select default_low_stock_threshold from inventory_settings), 5) as threshold) d`);
  return row!;
}
