import { formatMoney } from "./format-money";

/** A single price, or "From" the cheapest variant when variants differ. */
export function PriceRange({ min, max, currency, className }: { min: number; max: number; currency: string; className?: string }) {
  return <span className={className}>{min === max ? formatMoney(min, currency) : `From ${formatMoney(min, currency)}`}</span>;
}

/** The price a variant sells at, with the struck-through compare-at price when it is on sale. */
export function VariantPrice({ amount, compareAt, currency }: { amount: number; compareAt: number | null; currency: string }) {
  const onSale = compareAt !== null && compareAt > amount;
  return (
    <p className="flex items-baseline gap-3">
      <span className={`text-2xl font-semibold ${onSale ? "text-red-700" : ""}`}>{formatMoney(amount, currency)}</span>
      {onSale && (
        <s className="text-stone-500">
          <span className="sr-only">Was </span>
          {formatMoney(compareAt, currency)}
        </s>
      )}
    </p>
  );
}
