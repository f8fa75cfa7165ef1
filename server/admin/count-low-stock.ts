import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";

/** How long a count is reused: summing every variant's stock is the dashboard's dearest statement, and stock needs no live figure. */
export const LOW_STOCK_TTL_MS = 60_000;

export type LowStock = { low: number; out: number };
const memo = new WeakMap<object, { at: number; counting: Promise<LowStock> }>();

/**
 * Variants of active products at or below their low-stock threshold (their own, else the shop's default), summed over
 * active warehouses, and how many of them have none; counted at most once a minute per database pool.
 */
export function countLowStock(ctx: ServiceContext, now = Date.now()): Promise<LowStock> {
  const cached = memo.get(ctx.db);
  if (cached && now - cached.at < LOW_STOCK_TTL_MS) return cached.counting;
  const counting = ctx.db
    .execute<LowStock>(sql`
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
        cross join (select coalesce((select default_low_stock_threshold from inventory_settings), 5) as threshold) d`)
    .then(([row]) => row!);
  memo.set(ctx.db, { at: now, counting });
  counting.catch(() => memo.delete(ctx.db));
  return counting;
}
