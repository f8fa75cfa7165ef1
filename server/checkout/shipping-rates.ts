import { toMinorUnits } from "../money";

/** The standard and express prices, and the subtotal from which standard shipping is free. */
export interface ShippingRates {
  standard: number;
  express: number;
  freeStandardFrom: number;
}

// In major units, chosen per market rather than converted: ¥500, not ¥499.
const MAJOR_UNIT_RATES: Record<string, ShippingRates> = {
  USD: { standard: 4.99, express: 14.99, freeStandardFrom: 50 },
  EUR: { standard: 4.99, express: 14.99, freeStandardFrom: 50 },
  GBP: { standard: 3.99, express: 12.99, freeStandardFrom: 40 },
  JPY: { standard: 500, express: 1500, freeStandardFrom: 5000 },
  KWD: { standard: 1.5, express: 4.5, freeStandardFrom: 15 },
};

/**
 * A currency's shipping rates in its minor units. A currency without rates of its own takes the US dollar figures
 * in its own major units, so an amount is never read with another currency's exponent.
 */
export function shippingRatesFor(currency: string): ShippingRates {
  const rates = MAJOR_UNIT_RATES[currency] ?? MAJOR_UNIT_RATES.USD!;
  return {
    standard: toMinorUnits(rates.standard, currency),
    express: toMinorUnits(rates.express, currency),
    freeStandardFrom: toMinorUnits(rates.freeStandardFrom, currency),
  };
}
