import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";
import { DASHBOARD_PERIODS, windowsCte, type DashboardPeriod } from "./dashboard-periods";

/** A figure now and in the previous period of the same length. */
export interface Compared {
  current: number;
  previous: number;
}

/** Money figures of one currency in one period (minor units); never added to another currency's. */
export interface CurrencySales {
  currency: string;
  revenue: Compared;
  orders: Compared;
  refunds: Compared;
  refundCount: Compared;
}

export interface PeriodFigures {
  period: DashboardPeriod;
  /** Paid orders, every currency counted. */
  orders: Compared;
  /** Customers (by email) whose first paid order fell in the period. */
  newCustomers: Compared;
  byCurrency: CurrencySales[];
}

export type SalesFigureRow = {
  period: DashboardPeriod;
  currency: string | null;
  orders: number;
  orders_prev: number;
  revenue: number;
  revenue_prev: number;
  refunds: number;
  refunds_prev: number;
  refund_count: number;
  refund_count_prev: number;
  new_customers: number;
  new_customers_prev: number;
};

/**
 * Sales per period and currency: paid orders (placed in the period, whatever became of them since) and their totals,
 * succeeded refunds by the day they were made, and first-time customers. A row with currency null carries the counts
 * over every currency.
 */
export async function getSalesFigures(ctx: ServiceContext, timeZone: string): Promise<PeriodFigures[]> {
  const rows = await ctx.db.execute<SalesFigureRow>(sql`
    with ${windowsCte(timeZone)},
    since as (select min(prev_start) as at from windows),
    sales as (
      select currency, total_amount, placed_at from orders
       where status in ('paid', 'refunded') and placed_at >= (select at from since)
    ),
    refunded as (
      select p.currency, r.amount, r.created_at from refunds r join payments p on p.id = r.payment_id
       where r.status = 'succeeded' and r.created_at >= (select at from since)
    ),
    firsts as (
      select min(placed_at) as first_at from orders where status in ('paid', 'refunded') group by lower(email)
      having min(placed_at) >= (select at from since)
    ),
    money as (
      select w.period, s.currency,
             count(*) filter (where s.placed_at >= w.cur_start)::int as orders,
             count(*) filter (where s.placed_at < w.prev_end)::int as orders_prev,
             coalesce(sum(s.total_amount) filter (where s.placed_at >= w.cur_start), 0)::bigint as revenue,
             coalesce(sum(s.total_amount) filter (where s.placed_at < w.prev_end), 0)::bigint as revenue_prev
        from windows w join sales s on s.placed_at >= w.prev_start and s.placed_at < w.cur_end
       group by w.period, s.currency
    ),
    refund_money as (
      select w.period, r.currency,
             coalesce(sum(r.amount) filter (where r.created_at >= w.cur_start), 0)::bigint as refunds,
             coalesce(sum(r.amount) filter (where r.created_at < w.prev_end), 0)::bigint as refunds_prev,
             count(*) filter (where r.created_at >= w.cur_start)::int as refund_count,
             count(*) filter (where r.created_at < w.prev_end)::int as refund_count_prev
        from windows w join refunded r on r.created_at >= w.prev_start and r.created_at < w.cur_end
       group by w.period, r.currency
    ),
    customers as (
      select w.period,
             count(*) filter (where f.first_at >= w.cur_start)::int as new_customers,
             count(*) filter (where f.first_at < w.prev_end)::int as new_customers_prev
        from windows w join firsts f on f.first_at >= w.prev_start and f.first_at < w.cur_end
       group by w.period
    )
    select period, currency, coalesce(m.orders, 0) as orders, coalesce(m.orders_prev, 0) as orders_prev,
           coalesce(m.revenue, 0) as revenue, coalesce(m.revenue_prev, 0) as revenue_prev,
           coalesce(r.refunds, 0) as refunds, coalesce(r.refunds_prev, 0) as refunds_prev,
           coalesce(r.refund_count, 0) as refund_count, coalesce(r.refund_count_prev, 0) as refund_count_prev,
           0 as new_customers, 0 as new_customers_prev
      from money m full join refund_money r using (period, currency)
    union all
    select w.period, null, 0, 0, 0, 0, 0, 0, 0, 0, coalesce(c.new_customers, 0), coalesce(c.new_customers_prev, 0)
      from windows w left join customers c using (period)`);
  return Object.keys(DASHBOARD_PERIODS).map((key) => {
    const period = key as DashboardPeriod;
    const mine = rows.filter((r) => r.period === period);
    const byCurrency = mine
      .filter((r) => r.currency !== null)
      .map((r) => ({
        currency: r.currency!,
        revenue: { current: r.revenue, previous: r.revenue_prev },
        orders: { current: r.orders, previous: r.orders_prev },
        refunds: { current: r.refunds, previous: r.refunds_prev },
        refundCount: { current: r.refund_count, previous: r.refund_count_prev },
      }))
      .sort((a, b) => b.revenue.current - a.revenue.current || a.currency.localeCompare(b.currency));
    const total = (pick: (c: CurrencySales) => Compared) => ({
      current: byCurrency.reduce((sum, c) => sum + pick(c).current, 0),
      previous: byCurrency.reduce((sum, c) => sum + pick(c).previous, 0),
    });
    const customers = mine.find((r) => r.currency === null);
    return {
      period,
      orders: total((c) => c.orders),
      newCustomers: { current: customers?.new_customers ?? 0, previous: customers?.new_customers_prev ?? 0 },
      byCurrency,
    };
  });
}
