import type { Metadata } from "next";
import Link from "next/link";
import { getCaller } from "@/app/_trpc/server";
import { DASHBOARD_PERIODS, type DashboardPeriod } from "@/server/admin/dashboard-periods";
import { OperationsCard } from "./_components/dashboard/operations-card";
import { RecentOrders } from "./_components/dashboard/recent-orders";
import { SalesChart } from "./_components/dashboard/sales-chart";
import { SalesTiles } from "./_components/dashboard/sales-tiles";
import { TopProducts } from "./_components/dashboard/top-products";
import { LiveRefresh } from "./_components/live-refresh";
import { requireAdmin } from "./_lib/require-admin";

export const metadata: Metadata = { title: "Dashboard" };

const PERIOD_LABELS: Record<DashboardPeriod, string> = { today: "Today", "7d": "Last 7 days", "30d": "Last 30 days" };

function readPeriod(value: string | string[] | undefined): DashboardPeriod {
  return typeof value === "string" && value in DASHBOARD_PERIODS ? (value as DashboardPeriod) : "today";
}

export default async function AdminDashboard({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const period = readPeriod((await searchParams).period);
  await requireAdmin(period === "today" ? "/admin" : `/admin?period=${period}`);
  const dashboard = await (await getCaller()).adminDashboard.get();
  const figures = dashboard.periods.find((p) => p.period === period)!;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Dashboard</h1>
        <LiveRefresh />
      </div>

      <section aria-labelledby="sales-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="sales-heading" className="text-lg font-medium">
            Sales: {PERIOD_LABELS[period].toLowerCase()}
          </h2>
          <nav aria-label="Period" className="flex gap-1">
            {(Object.keys(PERIOD_LABELS) as DashboardPeriod[]).map((p) => (
              <Link
                key={p}
                href={p === "today" ? "/admin" : `/admin?period=${p}`}
                aria-current={p === period ? "page" : undefined}
                className={`rounded px-2 py-1 text-sm ${p === period ? "bg-stone-800 text-white" : "border border-stone-300 hover:bg-stone-50"}`}
              >
                {PERIOD_LABELS[p]}
              </Link>
            ))}
          </nav>
        </div>
        <SalesTiles figures={figures} />
        <p className="text-xs text-stone-500">
          Days run midnight to midnight in {dashboard.timeZone}. Each figure is compared with the same span just before it (today with yesterday up to this
          time). Paid orders count, by the day they were placed; refunds by the day they were made. Money stays in its own currency.
        </p>
      </section>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          <SalesChart days={dashboard.chart} />
        </div>
        <OperationsCard operations={dashboard.operations} />
      </div>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <RecentOrders orders={dashboard.recentOrders} timeZone={dashboard.timeZone} />
        <TopProducts products={dashboard.topProducts} />
      </div>
    </div>
  );
}
