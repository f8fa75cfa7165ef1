import { toMinorUnits } from "../money";

// In major units, chosen per market rather than converted: ¥5000, not ¥4999.
const FREE_SHIPPING_FROM_MAJOR: Record<string, number> = { USD: 50, EUR: 50, GBP: 40, JPY: 5000, KWD: 15 };

/**
 * The subtotal, in the currency's minor units, from which the cheapest shipping option is free. A currency without a
 * threshold of its own takes the US dollar figure in its own major units, so it is never read with another exponent.
 */
export function freeShippingFrom(currency: string): number {
  return toMinorUnits(FREE_SHIPPING_FROM_MAJOR[currency] ?? FREE_SHIPPING_FROM_MAJOR.USD!, currency);
}
