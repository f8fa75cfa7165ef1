import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { activeCartCondition, type GuestCartRef } from "../cart/active-cart";
import type { CheckoutDetails } from "./details-schemas";

/** Stores the given checkout details on the caller's active cart, keeping those not given, so placeOrder needs only the cart id. */
export async function setCheckoutDetails(ctx: ServiceContext, input: GuestCartRef & CheckoutDetails): Promise<{ cartId: string }> {
  const address = input.shippingAddress ? JSON.stringify(input.shippingAddress) : null;
  const [row] = await ctx.db.execute<{ id: string }>(sql`
    update carts c set
      email = coalesce(${input.email ?? null}, c.email),
      shipping_address = coalesce(${address}::jsonb, c.shipping_address),
      shipping_method = coalesce(${input.shippingMethod ?? null}, c.shipping_method),
      updated_at = now()
    where ${activeCartCondition(ctx, input.guestCartId)}
    returning c.id`);
  if (!row) throw notFound("cart");
  return { cartId: row.id };
}
