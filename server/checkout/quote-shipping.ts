import type { ShippingAddress } from "@/db/schema/orders";
import type { ServiceContext } from "../context";
import { DomainError, invalid } from "../errors";
import { carrierFor } from "../shipping/carrier-for";
import { SHOP_ORIGIN } from "../shipping/ship-from";
import { freeShippingFrom } from "./shipping-rates";

/** One way to ship the cart, priced in the cart's currency's minor units. `id` is the carrier's service name. */
export interface ShippingMethod {
  id: string;
  name: string;
  amount: number;
  currency: string;
  estimate: string;
  deliveryDays: number | null;
}

const estimateOf = (days: number | null) => (days === null ? "Delivery time not given" : `${days} business day${days === 1 ? "" : "s"}`);

/**
 * The carrier's options for a parcel of `weightGrams` from the shop to `to`, cheapest first, in `currency`; the cheapest
 * is free from the currency's threshold. Rates the carrier gives in another currency are left out: we charge only what we
 * asked for. An address the carrier refuses is Invalid with its messages on our field names (`shippingAddress.postalCode`).
 */
export interface ShippingQuoteInput {
  to: ShippingAddress;
  weightGrams: number;
  currency: string;
  subtotal: number;
  reference: string;
}

export async function quoteShipping(ctx: ServiceContext, input: ShippingQuoteInput): Promise<ShippingMethod[]> {
  const quote = await carrierFor(ctx)
    .quoteRates({
      from: SHOP_ORIGIN,
      to: input.to,
      // A carrier prices nothing under a gram; goods without a weight still travel in a box.
      parcel: { weightGrams: Math.max(1, input.weightGrams) },
      currency: input.currency,
      reference: input.reference,
    })
    .catch((error: unknown) => {
      if (!(error instanceof DomainError) || error.kind !== "Invalid") throw error;
      const fields = Object.entries(error.fieldErrors ?? {}).filter(([key]) => key.startsWith("to."));
      if (fields.length === 0) throw error;
      throw invalid("The carrier cannot deliver to this address", Object.fromEntries(fields.map(([key, message]) => [`shippingAddress.${key.slice(3)}`, message])));
    });
  const methods = quote.rates
    .filter((rate) => rate.currency === input.currency)
    .map((rate) => ({
      id: rate.service,
      name: rate.service,
      amount: rate.amount,
      currency: input.currency,
      estimate: estimateOf(rate.deliveryDays),
      deliveryDays: rate.deliveryDays,
    }))
    .sort((a, b) => a.amount - b.amount);
  if (methods[0] && input.subtotal >= freeShippingFrom(input.currency)) methods[0] = { ...methods[0], amount: 0 };
  return methods;
}
