import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";
import { DASHBOARD_PERIODS, windowsCte, type DashboardPeriod } from "./dashboard-periods";
import { rangeTotals, type RangeTotals } from "./sales-totals";

const ZERO: RangeTotals = { key: "", currency: "", orders: 0, revenue: 0, refunds: 0, refunded: 0 };

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

/**
 * Sales per period and currency: paid orders (placed in the period, whatever became of them since) and their totals,
 * succeeded refunds by the day they were made, and first-time customers; read from the running totals the database
 * keeps (db/schema/dashboard.ts).
 */
export async function getSalesFigures(ctx: ServiceContext, timeZone: string): Promise<PeriodFigures[]> {
  const [totals, customers] = await Promise.all([
    rangeTotals(
      ctx,
      sql`with ${windowsCte(timeZone)}
          select period || ':cur', cur_start, cur_end from windows union all select period || ':prev', prev_start, prev_end from windows`,
    ),
    ctx.db.execute<{ period: DashboardPeriod; current: number; previous: number }>(sql`
      with ${windowsCte(timeZone)}
      select w.period, (select count(*) from customer_firsts where first_at >= w.cur_start and first_at < w.cur_end)::int as current,
             (select count(*) from customer_firsts where first_at >= w.prev_start and first_at < w.prev_end)::int as previous
        from windows w`),
  ]);
  return Object.keys(DASHBOARD_PERIODS).map((key) => {
    const period = key as DashboardPeriod;
    const of = (part: string, currency: string) => totals.find((t) => t.key === `${period}:${part}` && t.currency === currency);
    const compared = (pick: (t: RangeTotals) => number, currency: string) => ({
      current: pick(of("cur", currency) ?? ZERO),
      previous: pick(of("prev", currency) ?? ZERO),
    });
    const currencies = [...new Set(totals.filter((t) => t.key.startsWith(`${period}:`)).map((t) => t.currency))];
    const byCurrency = currencies
      .map((currency) => ({
        currency,
        revenue: compared((t) => t.revenue, currency),
        orders: compared((t) => t.orders, currency),
        refunds: compared((t) => t.refunded, currency),
        refundCount: compared((t) => t.refunds, currency),
      }))
      .sort((a, b) => b.revenue.current - a.revenue.current || a.currency.localeCompare(b.currency));
    const total = (pick: (c: CurrencySales) => Compared) => ({
      current: byCurrency.reduce((sum, c) => sum + pick(c).current, 0),
      previous: byCurrency.reduce((sum, c) => sum + pick(c).previous, 0),
    });
    const newCustomers = customers.find((c) => c.period === period);
    return {
      period,
      orders: total((c) => c.orders),
      newCustomers: { current: newCustomers?.current ?? 0, previous: newCustomers?.previous ?? 0 },
      byCurrency,
    };
  });
}
