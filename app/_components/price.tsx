import { formatMoney } from "./format-money";

/** The sale a compare-at price makes of a price, or null when it is not above it. */
export function saleOf(amount: number, compareAt: number | null): { compareAt: number; percentOff: number } | null {
  if (compareAt === null || compareAt <= amount) return null;
  // Rounded down, so "% off" never promises more than the shopper saves.
  return { compareAt, percentOff: Math.max(1, Math.floor(((compareAt - amount) / compareAt) * 100)) };
}

/** A price as a card shows it, formatted on the server so the card's client props stay short. */
export interface PriceLabel {
  price: string;
  sale: { was: string; percentOff: number } | null;
}

/** A single price, or "From" the cheapest variant when variants differ, and the sale its compare-at price makes. */
export function priceRangeLabel(min: number, max: number, compareAt: number | null, currency: string): PriceLabel {
  const sale = saleOf(min, compareAt);
  return {
    price: min === max ? formatMoney(min, currency) : `From ${formatMoney(min, currency)}`,
    sale: sale && { was: formatMoney(sale.compareAt, currency), percentOff: sale.percentOff },
  };
}

/** A price label; on sale, in red beside the price it was. */
export function PriceRange({ price, sale, className }: PriceLabel & { className?: string }) {
  if (!sale) return <span className={className}>{price}</span>;
  return (
    <span className={`flex flex-wrap items-baseline gap-x-2 ${className ?? ""}`}>
      <span className="text-red-700">{price}</span>
      <SaleDetails {...sale} />
    </span>
  );
}

/** The price a variant sells at, with the struck-through compare-at price when it is on sale. */
export function VariantPrice({ amount, compareAt, currency }: { amount: number; compareAt: number | null; currency: string }) {
  const sale = saleOf(amount, compareAt);
  return (
    <p className="flex flex-wrap items-baseline gap-x-3">
      <span className={`text-2xl font-semibold ${sale ? "text-red-700" : ""}`}>{formatMoney(amount, currency)}</span>
      {sale && <SaleDetails was={formatMoney(sale.compareAt, currency)} percentOff={sale.percentOff} />}
    </p>
  );
}

function SaleDetails({ was, percentOff }: { was: string; percentOff: number }) {
  return (
    <>
      <s className="font-normal text-stone-500">
        <span className="sr-only">Was </span>
        {was}
      </s>
      <span className="rounded bg-red-50 px-1.5 py-0.5 text-xs font-semibold text-red-700">{percentOff}% off</span>
    </>
  );
}
