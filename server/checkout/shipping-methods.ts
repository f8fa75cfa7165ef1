import { sql } from "drizzle-orm";
import type { ShippingAddress } from "@/db/schema/orders";
import type { ServiceContext } from "../context";
import { DomainError } from "../errors";
import { activeCartCondition, type GuestCartRef } from "../cart/active-cart";
import { quoteShipping, type ShippingMethod } from "./quote-shipping";
import { estimateDestination } from "./shipping-origin";

export interface ShippingOptions {
  /** False when nothing in the cart is posted (ebooks, gift cards) or the cart is empty: no method to choose, no charge. */
  needsShipping: boolean;
  /** The country an estimate was quoted to (the currency's home market) while the cart has no address; null once it has one. */
  estimateFor: string | null;
  methods: ShippingMethod[];
  /** The carrier refused the cart's address: its messages by field (`shippingAddress.postalCode`); the methods are then empty. */
  addressErrors: Record<string, string> | null;
}

interface CartShippingRow {
  id: string;
  shippingAddress: ShippingAddress | null;
  subtotal: number;
  currency: string | null;
  weightGrams: number;
  needsShipping: boolean;
}

/**
 * The carrier's options for the caller's cart at today's prices: its weight (the goods that need shipping) to its
 * address, or an estimate before it has one. The amounts are shown only; createOrderFromCart quotes again.
 */
export async function listShippingMethods(ctx: ServiceContext, input: GuestCartRef): Promise<ShippingOptions> {
  const [cart] = await ctx.db.execute<CartShippingRow & Record<string, unknown>>(sql`
    select c.id, c.shipping_address as "shippingAddress",
           coalesce(sum(cl.quantity * v.price_amount), 0)::bigint as subtotal, min(v.currency)::text as currency,
           coalesce(sum(cl.quantity * v.weight_grams) filter (where p.requires_shipping), 0)::bigint as "weightGrams",
           coalesce(bool_or(p.requires_shipping), false) as "needsShipping"
    from carts c
    left join cart_lines cl on cl.cart_id = c.id
    left join variants v on v.id = cl.variant_id
    left join products p on p.id = v.product_id
    where ${activeCartCondition(ctx, input.guestCartId)}
    group by c.id`);
  if (!cart?.needsShipping || !cart.currency) return { needsShipping: false, estimateFor: null, methods: [], addressErrors: null };
  const to = cart.shippingAddress ?? estimateDestination(cart.currency);
  const estimateFor = cart.shippingAddress ? null : to.country;
  try {
    const methods = await quoteShipping(ctx, {
      to,
      weightGrams: cart.weightGrams,
      currency: cart.currency,
      subtotal: cart.subtotal,
      reference: `cart-${cart.id}`,
    });
    return { needsShipping: true, estimateFor, methods, addressErrors: null };
  } catch (error) {
    if (!(error instanceof DomainError && error.kind === "Invalid" && error.fieldErrors)) throw error;
    return { needsShipping: true, estimateFor, methods: [], addressErrors: error.fieldErrors };
  }
}
