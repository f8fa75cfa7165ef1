// Building a NumberFormat costs about 0.07 ms, and every shipping-rate lookup asks three times.
const exponents = new Map<string, number>();

/** How many minor-unit digits a currency has, as Intl knows it: JPY 0, USD 2, KWD 3; 2 for a code Intl rejects (one still being typed). */
export function currencyExponent(currency: string): number {
  let exponent = exponents.get(currency);
  if (exponent !== undefined) return exponent;
  try {
    exponent = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
  exponents.set(currency, exponent);
  return exponent;
}

/** An amount written in major units (4.99 USD, 500 JPY, 1.5 KWD) as the integer of minor units we store. */
export function toMinorUnits(major: number, currency: string): number {
  return Math.round(major * 10 ** currencyExponent(currency));
}
