import type { ReactNode } from "react";
import { formatMoney } from "@/app/_components/format-money";
import type { Compared, PeriodFigures } from "@/server/admin/get-sales-figures";
import { Change } from "./change";

function Tile({ label, children }: { label: string; children: ReactNode }) {
  return (
    <li role="group" aria-label={label} className="flex min-w-0 flex-col gap-1 rounded-lg border border-stone-200 p-4">
      <span className="text-sm text-stone-600">{label}</span>
      {children}
    </li>
  );
}

function Figure({ text, change, upIsBad }: { text: string; change: Compared; upIsBad?: boolean }) {
  return (
    <span className="flex flex-wrap items-baseline gap-x-2">
      <span className="text-2xl font-semibold tabular-nums" data-figure>
        {text}
      </span>
      <Change value={change} upIsBad={upIsBad} />
    </span>
  );
}

const averageOf = (revenue: number, orders: number) => (orders === 0 ? 0 : Math.round(revenue / orders));

/** The period's sales: one line per currency for money, counts over every currency. */
export function SalesTiles({ figures }: { figures: PeriodFigures }) {
  const currencies = figures.byCurrency;
  const none = <span className="text-2xl font-semibold text-stone-400">—</span>;
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5">
      <Tile label="Revenue">
        {currencies.length === 0
          ? none
          : currencies.map((c) => <Figure key={c.currency} text={formatMoney(c.revenue.current, c.currency)} change={c.revenue} />)}
      </Tile>
      <Tile label="Orders">
        <Figure text={String(figures.orders.current)} change={figures.orders} />
      </Tile>
      <Tile label="Average order value">
        {currencies.length === 0
          ? none
          : currencies.map((c) => (
              <Figure
                key={c.currency}
                text={formatMoney(averageOf(c.revenue.current, c.orders.current), c.currency)}
                change={{ current: averageOf(c.revenue.current, c.orders.current), previous: averageOf(c.revenue.previous, c.orders.previous) }}
              />
            ))}
      </Tile>
      <Tile label="Refunds">
        {currencies.every((c) => c.refundCount.current === 0 && c.refundCount.previous === 0)
          ? none
          : currencies.map((c) => (
              <span key={c.currency} className="flex flex-col">
                <Figure text={formatMoney(c.refunds.current, c.currency)} change={c.refunds} upIsBad />
                <span className="text-xs text-stone-500">{c.refundCount.current} refunds</span>
              </span>
            ))}
      </Tile>
      <Tile label="New customers">
        <Figure text={String(figures.newCustomers.current)} change={figures.newCustomers} />
      </Tile>
    </ul>
  );
}
