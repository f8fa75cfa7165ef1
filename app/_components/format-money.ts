const formatters = new Map<string, Intl.NumberFormat>();

/** Integer minor units to a localised price, e.g. (129900, "USD") -> "$1,299.00". */
export function formatMoney(amountMinor: number, currency: string): string {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-US", { style: "currency", currency });
    formatters.set(currency, formatter);
  }
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(amountMinor / 10 ** digits);
}
