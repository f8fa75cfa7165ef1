import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";

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

/** Revenue and paid orders per shop-local day for the last CHART_DAYS days (today included), per currency. */
export async function getSalesChart(ctx: ServiceContext, timeZone: string): Promise<ChartDay[]> {
  return ctx.db.execute<ChartDay>(sql`
    with days as (
      select d::date as day from generate_series((now() at time zone ${timeZone}::text)::date - ${CHART_DAYS - 1}::int,
                                                 (now() at time zone ${timeZone}::text)::date, interval '1 day') d
    ),
    sales as (
      select (placed_at at time zone ${timeZone}::text)::date as day, currency, total_amount from orders
       where status in ('paid', 'refunded') and placed_at >= (select min(day) from days)::timestamp at time zone ${timeZone}::text
    ),
    currencies as (select distinct currency from sales)
    select to_char(d.day, 'YYYY-MM-DD') as day, c.currency,
           coalesce(sum(s.total_amount), 0)::bigint as revenue, count(s.currency)::int as orders
      from days d cross join currencies c left join sales s on s.day = d.day and s.currency = c.currency
     group by d.day, c.currency order by d.day, c.currency`);
}

/** The products most units were sold of in paid orders of the last CHART_DAYS days. */
export async function getTopProducts(ctx: ServiceContext, timeZone: string): Promise<TopProduct[]> {
  const rows = await ctx.db.execute<TopRow>(sql`
    with by_variant as (
      select l.variant_id, o.currency, sum(l.quantity)::int as units, sum(l.line_amount)::bigint as amount
        from orders o join order_lines l on l.order_id = o.id
       where o.status in ('paid', 'refunded')
         and o.placed_at >= ((now() at time zone ${timeZone}::text)::date - ${CHART_DAYS - 1}::int)::timestamp at time zone ${timeZone}::text
       group by l.variant_id, o.currency
    ),
    sold as (select v.product_id, b.currency, b.units, b.amount from by_variant b join variants v on v.id = b.variant_id),
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
