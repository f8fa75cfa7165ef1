import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";
import { DASHBOARD_PERIODS, windowsCte, type DashboardPeriod } from "./dashboard-periods";
import { CHART_DAYS, chartDays, salesChart, type ChartDay } from "./get-sales-chart";
import { rangeTotals, type RangeTotals } from "./sales-totals";

// Each current period is summed from the chart's days.
if (Math.max(...Object.values(DASHBOARD_PERIODS)) > CHART_DAYS) throw new Error("the chart must span the longest dashboard period");

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
 * succeeded refunds by the day they were made, and first-time customers; and the chart of the last CHART_DAYS days. Read
 * from the running totals the database keeps (db/schema/dashboard.ts) in one statement: each current period is the chart's
 * last days summed, so only the previous periods are ranges of their own.
 */
export async function getSales(ctx: ServiceContext, timeZone: string): Promise<{ periods: PeriodFigures[]; chart: ChartDay[] }> {
  const [ranged, dayRows, customers] = await Promise.all([
    rangeTotals(
      ctx,
      sql`(${chartDays(timeZone)}) union all (with ${windowsCte(timeZone)} select period || ':prev', prev_start, prev_end from windows)`,
    ),
    ctx.db.execute<{ key: string }>(sql`${chartDays(timeZone)} order by key`),
    ctx.db.execute<{ period: DashboardPeriod; current: number; previous: number }>(sql`
      with ${windowsCte(timeZone)}
      select w.period, (select count(*) from customer_firsts where first_at >= w.cur_start and first_at < w.cur_end)::int as current,
             (select count(*) from customer_firsts where first_at >= w.prev_start and first_at < w.prev_end)::int as previous
        from windows w`),
  ]);
  const days = dayRows.map((row) => row.key);
  const totals = [...ranged, ...Object.entries(DASHBOARD_PERIODS).flatMap(([period, n]) => sumDays(`${period}:cur`, days.slice(-n), ranged))];
  return { periods: periodFigures(totals, customers), chart: salesChart(days, ranged) };
}

/** The totals of `days` per currency, as one range `key`. */
function sumDays(key: string, days: string[], totals: RangeTotals[]): RangeTotals[] {
  const byCurrency = new Map<string, RangeTotals>();
  for (const t of totals.filter((t) => days.includes(t.key))) {
    const sum = byCurrency.get(t.currency) ?? { ...ZERO, key, currency: t.currency };
    byCurrency.set(t.currency, {
      ...sum,
      orders: sum.orders + t.orders,
      revenue: sum.revenue + t.revenue,
      refunds: sum.refunds + t.refunds,
      refunded: sum.refunded + t.refunded,
    });
  }
  return [...byCurrency.values()];
}

function periodFigures(totals: RangeTotals[], customers: { period: DashboardPeriod; current: number; previous: number }[]): PeriodFigures[] {
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
