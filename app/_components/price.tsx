import { formatMoney } from "./format-money";

/** The sale a compare-at price makes of a price, or null when it is not above it. */
export function saleOf(amount: number, compareAt: number | null): { compareAt: number; percentOff: number } | null {
  if (compareAt === null || compareAt <= amount) return null;
  // Rounded down, so "% off" never promises more than the shopper saves.
  return { compareAt, percentOff: Math.max(1, Math.floor(((compareAt - amount) / compareAt) * 100)) };
}

/** A single price, or "From" the cheapest variant when variants differ; on sale, in red beside the price it was. */
export function PriceRange({ min, max, compareAt = null, currency, className }: { min: number; max: number; compareAt?: number | null; currency: string; className?: string }) {
  const sale = saleOf(min, compareAt);
  const price = min === max ? formatMoney(min, currency) : `From ${formatMoney(min, currency)}`;
  if (!sale) return <span className={className}>{price}</span>;
  return (
    <span className={`flex flex-wrap items-baseline gap-x-2 ${className ?? ""}`}>
      <span className="text-red-700">{price}</span>
      <SaleDetails sale={sale} currency={currency} />
    </span>
  );
}

/** The price a variant sells at, with the struck-through compare-at price when it is on sale. */
export function VariantPrice({ amount, compareAt, currency }: { amount: number; compareAt: number | null; currency: string }) {
  const sale = saleOf(amount, compareAt);
  return (
    <p className="flex flex-wrap items-baseline gap-x-3">
      <span className={`text-2xl font-semibold ${sale ? "text-red-700" : ""}`}>{formatMoney(amount, currency)}</span>
      {sale && <SaleDetails sale={sale} currency={currency} />}
    </p>
  );
}

function SaleDetails({ sale, currency }: { sale: { compareAt: number; percentOff: number }; currency: string }) {
  return (
    <>
      <s className="font-normal text-stone-500">
        <span className="sr-only">Was </span>
        {formatMoney(sale.compareAt, currency)}
      </s>
      <span className="rounded bg-red-50 px-1.5 py-0.5 text-xs font-semibold text-red-700">{sale.percentOff}% off</span>
    </>
  );
}
