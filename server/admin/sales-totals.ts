import { sql, type SQL } from "drizzle-orm";
import type { ServiceContext } from "../context";

/** Totals of one time range and currency: paid orders placed in it, and succeeded refunds made in it (minor units). */
export type RangeTotals = { key: string; currency: string; orders: number; revenue: number; refunds: number; refunded: number };

const SLOT = sql`interval '1 hour'`;
const ORIGIN = sql`timestamptz '2000-01-01 00:00:00+00'`;

/**
 * Sums sales and refunds over each range of `ranges`, a CTE body yielding `(key text, lo timestamptz, hi timestamptz)`
 * (half-open). Whole UTC hours come from sales_hours; the part of an hour cut at either end of a range (the current
 * hour, the previous period's end at the same time of day, a midnight of a half-hour time zone) is read from orders and
 * refunds themselves, so the totals are exact for any range.
 */
export function rangeTotals(ctx: ServiceContext, ranges: SQL): Promise<RangeTotals[]> {
  return ctx.db.execute<RangeTotals>(sql`
    with ranges(key, lo, hi) as (${ranges}),
    cut as (
      select key, lo, hi, lo_up, greatest(date_bin(${SLOT}, hi, ${ORIGIN}), lo_up) as hi_down
        from (select r.*, date_bin(${SLOT}, lo + ${SLOT} - interval '1 microsecond', ${ORIGIN}) as lo_up from ranges r) r
    ),
    edges as (
      select key, lo as a, least(lo_up, hi) as b from cut union all select key, hi_down, hi from cut
    ),
    -- Each cut hour read once (the current periods all end in the current hour), by index (lateral).
    spans as (select distinct a, b from edges where a < b),
    span_totals as (
      select s.a, s.b, t.* from spans s cross join lateral (
        select o.currency, count(*) as orders, sum(o.total_amount) as revenue, 0 as refunds, 0 as refunded
          from orders o where o.placed_at >= s.a and o.placed_at < s.b and o.paid_at is not null group by o.currency
        union all
        -- The currency looked up per refund: a join would hash every payment for the few refunds of an hour.
        select (select p.currency from payments p where p.id = r.payment_id), 0, 0, count(*), sum(r.amount)
          from refunds r where r.created_at >= s.a and r.created_at < s.b and r.status = 'succeeded' group by 1
      ) t
    ),
    parts as (
      select c.key, q.currency, q.orders, q.revenue, q.refunds, q.refunded
        from cut c join sales_hours q on q.bucket >= c.lo_up and q.bucket < c.hi_down
      union all
      select e.key, t.currency, t.orders, t.revenue, t.refunds, t.refunded from edges e join span_totals t using (a, b)
    )
    select key, currency, sum(orders)::int as orders, sum(revenue)::bigint as revenue, sum(refunds)::int as refunds, sum(refunded)::bigint as refunded
      from parts group by key, currency having sum(orders) <> 0 or sum(refunds) <> 0`);
}
