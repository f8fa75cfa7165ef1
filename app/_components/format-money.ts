const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string): Intl.NumberFormat {
  let found = formatters.get(currency);
  if (!found) {
    found = new Intl.NumberFormat("en-US", { style: "currency", currency });
    formatters.set(currency, found);
  }
  return found;
}

const minorDigits = (currency: string) => formatter(currency).resolvedOptions().maximumFractionDigits ?? 2;

/** Integer minor units to a localised price, e.g. (129900, "USD") -> "$1,299.00". */
export function formatMoney(amountMinor: number, currency: string): string {
  return formatter(currency).format(amountMinor / 10 ** minorDigits(currency));
}

/** Integer minor units to a plain decimal, e.g. (129900, "USD") -> "1299.00", (500, "JPY") -> "500": for machine-read prices. */
export function formatDecimal(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  return (amountMinor / 10 ** digits).toFixed(digits);
}
