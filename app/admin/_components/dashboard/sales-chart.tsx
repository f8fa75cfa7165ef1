"use client";
import { useState } from "react";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/app/_components/format-money";
import { currencyExponent } from "@/server/money";
import type { ChartDay } from "@/server/admin/get-sales-chart";

/** Revenue (line) and paid orders (bars) per day for one currency at a time: amounts in two currencies never share an axis. */
export function SalesChart({ days }: { days: ChartDay[] }) {
  const currencies = [...new Set(days.map((d) => d.currency))];
  const totals = new Map(currencies.map((c) => [c, days.filter((d) => d.currency === c).reduce((sum, d) => sum + d.revenue, 0)]));
  currencies.sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0));
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const currency = chosen && currencies.includes(chosen) ? chosen : currencies[0];

  return (
    <section aria-labelledby="chart-heading" className="flex min-w-0 flex-col gap-3 rounded-lg border border-stone-200 p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="chart-heading" className="text-lg font-medium">
          Revenue and orders per day, last 30 days
        </h2>
        {currencies.length > 1 && (
          <div role="group" aria-label="Currency" className="flex gap-1">
            {currencies.map((c) => (
              <button
                key={c}
                type="button"
                aria-pressed={c === currency}
                onClick={() => setChosen(c)}
                className={`rounded px-2 py-1 text-sm ${c === currency ? "bg-stone-800 text-white" : "border border-stone-300"}`}
              >
                {c}
              </button>
            ))}
          </div>
        )}
      </div>
      {currency === undefined ? (
        <p className="text-sm text-stone-600">No paid orders in the last 30 days.</p>
      ) : (
        <Chart days={days.filter((d) => d.currency === currency)} currency={currency} />
      )}
    </section>
  );
}

function Chart({ days, currency }: { days: ChartDay[]; currency: string }) {
  const unit = 10 ** currencyExponent(currency);
  const data = days.map((d) => ({ day: d.day.slice(5), revenue: d.revenue / unit, orders: d.orders }));
  const total = days.reduce((sum, d) => sum + d.revenue, 0);
  return (
    <figure className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e7e5e4" />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
          <YAxis yAxisId="revenue" tick={{ fontSize: 11 }} width={56} />
          <YAxis yAxisId="orders" orientation="right" allowDecimals={false} tick={{ fontSize: 11 }} width={32} />
          <Tooltip formatter={(value, name) => (name === "Revenue" ? formatMoney(Math.round(Number(value) * unit), currency) : value)} />
          <Legend />
          <Bar yAxisId="orders" dataKey="orders" name="Orders" fill="#d6d3d1" />
          <Line yAxisId="revenue" dataKey="revenue" name="Revenue" stroke="#1c1917" dot={false} strokeWidth={2} />
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption className="sr-only">
        {currency} revenue over the last 30 days: {formatMoney(total, currency)}
      </figcaption>
    </figure>
  );
}
