import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";
import type { ShippingAddress, ShippingMethodId } from "../checkout/details-schemas";
import { activeCartCondition, type GuestCartRef } from "./active-cart";
import type { CartLine, CartView } from "./schemas";

type LineRow = Omit<CartLine, "lineAmount" | "priceChanged" | "previousUnitAmount" | "shortBy"> & { seenUnitAmount: number };

interface CartRow {
  id: string;
  email: string | null;
  shippingAddress: ShippingAddress | null;
  shippingMethod: ShippingMethodId | null;
}

/**
 * The caller's active cart priced from today's catalogue, or null when they have none. Lines whose price moved since
 * the shopper last saw them are flagged once: the same statement records the new price as seen.
 */
export async function getCart(ctx: ServiceContext, input: GuestCartRef): Promise<CartView | null> {
  const [cart] = await ctx.db.execute<CartRow & Record<string, unknown>>(sql`
    select c.id, c.email, c.shipping_address as "shippingAddress", c.shipping_method as "shippingMethod"
    from carts c where ${activeCartCondition(ctx, input.guestCartId)}`);
  if (!cart) return null;

  // Every CTE reads the same snapshot, so `lines` still holds the old seen price the update replaces.
  const rows = await ctx.db.execute<LineRow & Record<string, unknown>>(sql`
    with seen as (
      update cart_lines cl set seen_unit_amount = v.price_amount
      from variants v
      where cl.cart_id = ${cart.id} and v.id = cl.variant_id and cl.seen_unit_amount <> v.price_amount
    )
    select cl.variant_id as "variantId", p.slug as "productSlug", p.title as "productTitle", v.title as "variantTitle", v.sku,
      (select i.url from product_images i where i.product_id = p.id order by i.position, i.id limit 1) as "imageUrl",
      v.price_amount as "unitAmount", v.currency::text as currency, cl.quantity, cl.seen_unit_amount as "seenUnitAmount",
      case when p.status = 'active'
        then coalesce((select sum(s.on_hand - s.reserved) from stock_levels s where s.variant_id = v.id), 0)::int
        else 0 end as available
    from cart_lines cl
    join variants v on v.id = cl.variant_id
    join products p on p.id = v.product_id
    where cl.cart_id = ${cart.id}
    order by cl.added_at, cl.variant_id`);

  const lines: CartLine[] = rows.map(({ seenUnitAmount, ...row }) => ({
    ...row,
    lineAmount: row.unitAmount * row.quantity,
    priceChanged: seenUnitAmount !== row.unitAmount,
    previousUnitAmount: seenUnitAmount !== row.unitAmount ? seenUnitAmount : null,
    shortBy: Math.max(0, row.quantity - row.available),
  }));
  const subtotal = lines.reduce((sum, line) => sum + line.lineAmount, 0);
  const currency = lines[0]?.currency ?? "USD";
  return {
    id: cart.id,
    lines,
    subtotal,
    currency,
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    email: cart.email,
    shippingAddress: cart.shippingAddress,
    shippingMethod: cart.shippingMethod,
  };
}
