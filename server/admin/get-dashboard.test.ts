import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/db/seed";
import { seedOrderHistory } from "@/db/seed-orders";
import { useTestDatabase } from "@/test/db";
import type { ServiceContext } from "../context";
import { insertUser } from "../orders/test-fixtures";
import { DASHBOARD_PERIODS } from "./dashboard-periods";
import { getDashboard, type Dashboard } from "./get-dashboard";
import { recountLowStock } from "./test-low-stock";

const t = useTestDatabase();
const TIME_ZONE = "America/New_York";
const ORDERS = 50_000;

type Bounds = { cur_start: string; prev_start: string; prev_end: string };
type Db = ServiceContext["db"];

// The same definitions as the dashboard, written another way: bounds from date_trunc on local timestamps, sales by
// paid_at, refunds' currency from their order, first orders from a plain group by.
async function independentBounds(db: Db, days: number): Promise<Bounds> {
  const [row] = await db.execute<Bounds>(sql`
    select ((date_trunc('day', now() at time zone ${TIME_ZONE}::text) - ${days - 1}::int * interval '1 day') at time zone ${TIME_ZONE}::text)::text as cur_start,
           ((date_trunc('day', now() at time zone ${TIME_ZONE}::text) - ${2 * days - 1}::int * interval '1 day') at time zone ${TIME_ZONE}::text)::text as prev_start,
           ((now() at time zone ${TIME_ZONE}::text - ${days}::int * interval '1 day') at time zone ${TIME_ZONE}::text)::text as prev_end`);
  return row!;
}

async function independentSales(db: Db, from: string, to: string) {
  return db.execute<{ currency: string; orders: number; revenue: number }>(sql`
    select currency, count(*)::int as orders, sum(total_amount)::bigint as revenue from orders
     where paid_at is not null and placed_at >= ${from}::timestamptz and placed_at < ${to}::timestamptz
     group by currency order by currency`);
}

async function independentRefunds(db: Db, from: string, to: string) {
  return db.execute<{ currency: string; amount: number; count: number }>(sql`
    select o.currency, sum(r.amount)::bigint as amount, count(*)::int as count
      from refunds r join payments p on p.id = r.payment_id join orders o on o.id = p.order_id
     where r.status = 'succeeded' and r.created_at >= ${from}::timestamptz and r.created_at < ${to}::timestamptz
     group by o.currency order by o.currency`);
}

async function independentNewCustomers(db: Db, from: string, to: string): Promise<number> {
  const [row] = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from (select lower(email), min(placed_at) as first_at from orders where paid_at is not null group by 1) f
     where first_at >= ${from}::timestamptz and first_at < ${to}::timestamptz`);
  return row!.n;
}

/** Runs the dashboard and `check` in one transaction, so now() is the same instant for both. */
async function withDashboard(check: (dashboard: Dashboard, db: Db) => Promise<void>, timeZone = TIME_ZONE) {
  const adminId = await insertUser(t.db, "admin");
  await t.db.transaction(async (tx) => {
    const dashboard = await getDashboard({ db: tx, actor: { type: "admin", userId: adminId }, inTransaction: true }, { timeZone });
    await check(dashboard, tx);
  });
}

beforeAll(async () => {
  await seedDatabase(t.db, { products: 200, demoUsers: false });
  await seedOrderHistory(t.db, { orders: ORDERS });
}, 180_000);

describe("the dashboard on a seeded history of 50,000 orders", () => {
  it("holds both currencies, refunds and cancellations, before and after payment", async () => {
    const [row] = await t.db.execute<{ orders: number; currencies: number; cancelled: number; paidThenCancelled: number; refunded: number; partial: number }>(sql`
      select count(*)::int as orders, count(distinct currency)::int as currencies, count(*) filter (where status = 'cancelled')::int as cancelled,
             count(*) filter (where status = 'cancelled' and paid_at is not null)::int as "paidThenCancelled",
             count(*) filter (where status = 'refunded')::int as refunded, count(*) filter (where status = 'paid' and refunded_amount > 0)::int as partial
        from orders`);
    expect(row!.orders).toBe(ORDERS);
    expect(row!.currencies).toBe(2);
    for (const n of [row!.cancelled, row!.paidThenCancelled, row!.refunded, row!.partial]) expect(n).toBeGreaterThan(100);
  });

  it("has every period's orders, revenue, refunds and new customers equal to an independent computation, per currency", async () => {
    await withDashboard(async (dashboard, db) => {
      expect(dashboard.timeZone).toBe(TIME_ZONE);
      for (const figures of dashboard.periods) {
        const bounds = await independentBounds(db, DASHBOARD_PERIODS[figures.period]);
        const now = (await db.execute<{ now: string }>(sql`select now()::text as now`))[0]!.now;
        const [sales, salesBefore, refunds, refundsBefore] = await Promise.all([
          independentSales(db, bounds.cur_start, now),
          independentSales(db, bounds.prev_start, bounds.prev_end),
          independentRefunds(db, bounds.cur_start, now),
          independentRefunds(db, bounds.prev_start, bounds.prev_end),
        ]);
        const currencies = [...new Set([...sales, ...salesBefore, ...refunds, ...refundsBefore].map((r) => r.currency))].sort();
        const expected = currencies.map((currency) => {
          const of = <T extends { currency: string }>(rows: T[]) => rows.find((r) => r.currency === currency);
          return {
            currency,
            revenue: { current: of(sales)?.revenue ?? 0, previous: of(salesBefore)?.revenue ?? 0 },
            orders: { current: of(sales)?.orders ?? 0, previous: of(salesBefore)?.orders ?? 0 },
            refunds: { current: of(refunds)?.amount ?? 0, previous: of(refundsBefore)?.amount ?? 0 },
            refundCount: { current: of(refunds)?.count ?? 0, previous: of(refundsBefore)?.count ?? 0 },
          };
        });
        expect([...figures.byCurrency].sort((a, b) => a.currency.localeCompare(b.currency)), figures.period).toEqual(expected);
        expect(figures.orders.current).toBe(sales.reduce((sum, r) => sum + r.orders, 0));
        expect(figures.newCustomers).toEqual({
          current: await independentNewCustomers(db, bounds.cur_start, now),
          previous: await independentNewCustomers(db, bounds.prev_start, bounds.prev_end),
        });
      }
      const month = dashboard.periods.find((p) => p.period === "30d")!;
      expect(month.byCurrency.map((c) => c.currency).sort()).toEqual(["EUR", "USD"]);
      expect(month.byCurrency.every((c) => c.refunds.current > 0 && c.revenue.current > 0)).toBe(true);
    });
  });

  // New York's days start at 04:00 or 05:00 UTC, Tokyo's at 15:00 UTC the day before: the first day's hours are taken off
  // the nearest UTC day's totals in one, added to them in the other.
  it.each([TIME_ZONE, "Asia/Tokyo"])("charts each local day's revenue per currency and ranks top products by units, as the tables say (%s)", async (zone) => {
    await withDashboard(async (dashboard, db) => {
      const days = await db.execute<{ day: string; currency: string; revenue: number; orders: number }>(sql`
        select to_char(placed_at at time zone ${zone}::text, 'YYYY-MM-DD') as day, currency, sum(total_amount)::bigint as revenue, count(*)::int as orders
          from orders where paid_at is not null
           and placed_at at time zone ${zone}::text >= date_trunc('day', now() at time zone ${zone}::text) - interval '29 days'
         group by 1, 2`);
      expect(dashboard.chart.length).toBe(30 * 2);
      for (const point of dashboard.chart.filter((p) => p.orders > 0)) {
        expect(days.find((d) => d.day === point.day && d.currency === point.currency), point.day).toMatchObject({ revenue: point.revenue, orders: point.orders });
      }
      expect(dashboard.chart.filter((p) => p.orders > 0).length).toBe(days.length);

      const top = await db.execute<{ product_id: number; units: number }>(sql`
        select v.product_id, sum(l.quantity)::int as units from order_lines l join orders o on o.id = l.order_id join variants v on v.id = l.variant_id
         where o.paid_at is not null
           and o.placed_at at time zone ${zone}::text >= date_trunc('day', now() at time zone ${zone}::text) - interval '29 days'
         group by 1 order by 2 desc, 1 limit 5`);
      expect(dashboard.topProducts.map((p) => ({ product_id: p.productId, units: p.units }))).toEqual(top);
    }, zone);
  });

  it("counts what needs doing: orders to ship (and those waiting over 48 h), payments to look at", async () => {
    // Paid orders the fulfilment job has made no parcel for yet: one paid today, two paid over 48 hours ago, and one
    // placed three weeks ago, older than the two weeks the dashboard looks back for them.
    const unparcelled = (placed: string, paid: string) => sql`
      (select o.id from orders o where o.status = 'paid' and o.shipping_method <> 'none' and ${sql.raw(placed)} and ${sql.raw(paid)}
          and exists (select 1 from shipments s where s.order_id = o.id) order by o.placed_at limit 1)`;
    await t.db.execute(sql`delete from shipments where order_id in (
      ${unparcelled("o.placed_at > now() - interval '14 days'", "o.paid_at > now() - interval '24 hours'")} union all
      ${unparcelled("o.placed_at between now() - interval '13 days' and now() - interval '3 days'", "o.paid_at < now() - interval '48 hours'")} union all
      ${unparcelled("o.placed_at between now() - interval '12 days' and now() - interval '4 days'", "o.paid_at < now() - interval '72 hours'")} union all
      ${unparcelled("o.placed_at between now() - interval '30 days' and now() - interval '20 days'", "true")})`);
    await withDashboard(async (dashboard, db) => {
      const [row] = await db.execute<{ unshipped: number; late: number; unparcelled: number; pending: number; failed: number }>(sql`
        with waiting as (
          select distinct o.id, o.paid_at from orders o left join shipments s on s.order_id = o.id
           where o.status = 'paid'
             and (s.status in ('pending', 'label_purchased') or (s.id is null and o.shipping_method <> 'none' and o.placed_at > now() - interval '14 days'))
        )
        select (select count(*) from waiting)::int as unshipped,
               (select count(*) from waiting where paid_at < now() - interval '48 hours')::int as late,
               (select count(*) from waiting w where not exists (select 1 from shipments s where s.order_id = w.id))::int as unparcelled,
               (select count(*) from orders where paid_at is null and cancelled_at is null)::int as pending,
               (select count(*) from refunds where status = 'failed')::int as failed`);
      expect(dashboard.operations).toMatchObject({
        awaitingShipment: row!.unshipped,
        awaitingShipmentOver48h: row!.late,
        awaitingPayment: row!.pending,
        failedRefunds: row!.failed,
      });
      expect(row!.unshipped).toBeGreaterThan(row!.unparcelled);
      expect(row!.unparcelled).toBe(3);
      expect(dashboard.recentOrders).toHaveLength(8);
    });
  });

  it("counts low-stock and out-of-stock variants of active products, a stock change included at the next load", async () => {
    const lowStockOf = (dashboard: Dashboard) => ({ low: dashboard.operations.lowStockVariants, out: dashboard.operations.outOfStockVariants });
    let before = { low: 0, out: 0 };
    await withDashboard(async (dashboard, db) => {
      before = await recountLowStock(db);
      expect(lowStockOf(dashboard)).toEqual(before);
    });
    expect(before.low).toBeGreaterThan(before.out);
    expect(before.out).toBeGreaterThan(0);

    await t.db.execute(sql`update stock_levels set on_hand = 0, reserved = 0 where variant_id in (
      select distinct sl.variant_id from stock_levels sl join variants v on v.id = sl.variant_id join products p on p.id = v.product_id and p.status = 'active'
       where on_hand - reserved > 100 limit 3)`);
    await withDashboard(async (dashboard, db) => {
      expect(lowStockOf(dashboard)).toEqual(await recountLowStock(db));
      expect(lowStockOf(dashboard)).toEqual({ low: before.low + 3, out: before.out + 3 });
    });
  });

  it("refuses anyone but an admin", async () => {
    const shopper: ServiceContext = { db: t.db, actor: { type: "shopper", userId: await insertUser(t.db) } };
    await expect(getDashboard(shopper)).rejects.toMatchObject({ kind: "Forbidden" });
    await expect(getDashboard({ db: t.db, actor: { type: "anonymous" } })).rejects.toMatchObject({ kind: "Unauthenticated" });
  });
});
