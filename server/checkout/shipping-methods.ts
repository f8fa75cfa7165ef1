import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";
import { activeCartCondition, type GuestCartRef } from "../cart/active-cart";
import type { ShippingMethodId } from "./details-schemas";
import { shippingRatesFor } from "./shipping-rates";

export interface ShippingMethod {
  id: ShippingMethodId;
  name: string;
  amount: number;
  currency: string;
  estimate: string;
}

/** The methods and their prices, in `currency`'s minor units, for an order of `subtotal`. */
export function shippingMethodsFor(subtotal: number, currency: string): ShippingMethod[] {
  const rates = shippingRatesFor(currency);
  return [
    { id: "standard", name: "Standard", amount: subtotal >= rates.freeStandardFrom ? 0 : rates.standard, currency, estimate: "3–5 business days" },
    { id: "express", name: "Express", amount: rates.express, currency, estimate: "1–2 business days" },
  ];
}

/** The method with this id priced for `subtotal`, or undefined for an unknown id. */
export function findShippingMethod(id: string, subtotal: number, currency: string): ShippingMethod | undefined {
  return shippingMethodsFor(subtotal, currency).find((m) => m.id === id);
}

/** The methods priced for the caller's cart at today's catalogue prices (an empty or missing cart counts as 0 USD). */
export async function listShippingMethods(ctx: ServiceContext, input: GuestCartRef): Promise<ShippingMethod[]> {
  const [row] = await ctx.db.execute<{ subtotal: number; currency: string | null }>(sql`
    select coalesce(sum(cl.quantity * v.price_amount), 0)::bigint as subtotal, min(v.currency)::text as currency
    from carts c
    join cart_lines cl on cl.cart_id = c.id
    join variants v on v.id = cl.variant_id
    where ${activeCartCondition(ctx, input.guestCartId)}`);
  return shippingMethodsFor(row?.subtotal ?? 0, row?.currency ?? "USD");
}
