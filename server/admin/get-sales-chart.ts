import { sql, type SQL } from "drizzle-orm";
import type { ServiceContext } from "../context";
import type { RangeTotals } from "./sales-totals";

export const CHART_DAYS = 30;
const TOP_PRODUCTS = 5;

/** One day of one currency's paid orders; days without orders are present with zeros. */
export type ChartDay = {
  day: string;
  currency: string;
  revenue: number;
  orders: number;
};

export interface TopProduct {
  productId: number;
  title: string;
  units: number;
  /** Revenue from its lines, per currency. */
  revenue: { currency: string; amount: number }[];
}

type TopRow = { product_id: number; title: string; units: number; currency: string; amount: number };

/** The last CHART_DAYS shop-local days (today so far included) as rangeTotals' ranges, keyed by the day (YYYY-MM-DD). */
export function chartDays(timeZone: string): SQL {
  return sql`
    select to_char(d, 'YYYY-MM-DD') as key, d::timestamp at time zone ${timeZone}::text as lo,
           least((d + 1)::timestamp at time zone ${timeZone}::text, now()) as hi
      from generate_series((now() at time zone ${timeZone}::text)::date - ${CHART_DAYS - 1}::int, (now() at time zone ${timeZone}::text)::date, interval '1 day') g,
           lateral (select g::date as d) day`;
}

/** Revenue and paid orders per day of `days` (ascending) and currency, from the days' totals. */
export function salesChart(days: string[], totals: RangeTotals[]): ChartDay[] {
  const sold = totals.filter((t) => t.orders > 0 && days.includes(t.key));
  const currencies = [...new Set(sold.map((t) => t.currency))].sort();
  return days.flatMap((day) =>
    currencies.map((currency) => {
      const found = sold.find((t) => t.key === day && t.currency === currency);
      return { day, currency, revenue: found?.revenue ?? 0, orders: found?.orders ?? 0 };
    }),
  );
}

/** The products most units were sold of in paid orders of the last CHART_DAYS days. */
export async function getTopProducts(ctx: ServiceContext, timeZone: string): Promise<TopProduct[]> {
  // Inline expressions rather than a CTE row, so the planner sees the bounds' values and reads the edge of orders by index.
  const since = sql`(((now() at time zone ${timeZone}::text)::date - ${CHART_DAYS - 1}::int)::timestamp at time zone ${timeZone}::text)`;
  // The UTC midnight nearest the start: whole UTC days from it come from the running totals, and the hours between it and
  // the start from the orders themselves, added when it falls after the start and taken off when before (New York's
  // midnight is 05:00 UTC: five hours taken off rather than nineteen added).
  const midnight = sql`date_bin('1 day', ${since} + interval '12 hours', timestamptz '2000-01-01 00:00:00+00')`;
  const rows = await ctx.db.execute<TopRow>(sql`
    -- Each edge order's lines by index: offset 0 keeps the planner from hashing every line.
    with sold as (
      select product_id, currency, sum(units)::int as units, sum(amount)::bigint as amount from (
        select d.product_id, d.currency, d.units, d.amount from product_sales_days d where d.day >= (${midnight} at time zone 'UTC')::date
        union all
        select l.product_id, o.currency, e.sign * l.quantity, e.sign * l.line_amount
          from (select case when ${midnight} > ${since} then 1 else -1 end as sign) e cross join orders o cross join lateral (
            select v.product_id, l.quantity, l.line_amount from order_lines l join variants v on v.id = l.variant_id where l.order_id = o.id offset 0
          ) l
         where o.placed_at >= least(${since}, ${midnight}) and o.placed_at < greatest(${since}, ${midnight}) and o.paid_at is not null
      ) x group by product_id, currency having sum(units) <> 0
    ),
    top as (select product_id, sum(units)::int as units from sold group by product_id order by units desc, product_id limit ${TOP_PRODUCTS})
    select t.product_id, p.title, t.units, s.currency, sum(s.amount)::bigint as amount
      from top t join products p on p.id = t.product_id join sold s on s.product_id = t.product_id
     group by t.product_id, p.title, t.units, s.currency
     order by t.units desc, t.product_id, s.currency`);
  const products = new Map<number, TopProduct>();
  for (const row of rows) {
    const product = products.get(row.product_id) ?? { productId: row.product_id, title: row.title, units: row.units, revenue: [] };
    product.revenue.push({ currency: row.currency, amount: row.amount });
    products.set(row.product_id, product);
  }
  return [...products.values()];
}
