import type { ShippingAddress } from "@/db/schema/orders";
import { SHOP_ORIGIN } from "../shipping/ship-from";

/** A real-looking address in the home market of each currency we sell in, to quote against before the shopper gives theirs. */
const ESTIMATE_DESTINATIONS: Record<string, ShippingAddress> = {
  USD: { name: "Estimate", line1: "350 5th Ave", city: "New York", region: "NY", postalCode: "10118", country: "US" },
  CAD: { name: "Estimate", line1: "301 Front St W", city: "Toronto", region: "ON", postalCode: "M5V 2T6", country: "CA" },
  GBP: { name: "Estimate", line1: "1 Parliament St", city: "London", postalCode: "SW1A 2NH", country: "GB" },
  EUR: { name: "Estimate", line1: "Pariser Platz 1", city: "Berlin", postalCode: "10117", country: "DE" },
  JPY: { name: "Estimate", line1: "1-1 Marunouchi", city: "Tokyo", postalCode: "100-0005", country: "JP" },
  AUD: { name: "Estimate", line1: "1 Macquarie St", city: "Sydney", region: "NSW", postalCode: "2000", country: "AU" },
};

/** Where to quote for a cart without an address: the currency's home market, else the shop's own country. */
export const estimateDestination = (currency: string): ShippingAddress => ESTIMATE_DESTINATIONS[currency] ?? { ...SHOP_ORIGIN, name: "Estimate" };
