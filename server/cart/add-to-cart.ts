import { sql } from "drizzle-orm";
import { withTransaction, type ServiceContext } from "../context";
import { conflict, DomainError, notFound } from "../errors";
import { openCart, type GuestCartRef } from "./active-cart";
import { MAX_LINE_QUANTITY } from "../limits";
import type { CartLineResult } from "./schemas";
import { cappedNotice, findVariantStock } from "./variant-stock";

/**
 * Adds units of a variant to the caller's cart (made on first use), summed with any already there. The line is capped at
 * 99 and at the stock available now, but an add never lowers it; the answer says when fewer units went in than asked.
 */
export async function addToCart(ctx: ServiceContext, input: GuestCartRef & { variantId: number; quantity: number }): Promise<CartLineResult> {
  const variant = await findVariantStock(ctx, input.variantId);
  if (!variant?.active) throw notFound("product");

  return withTransaction(ctx, async (tx) => {
    const { cartId } = await openCart(tx, input.guestCartId);
    const [other] = await tx.db.execute<{ currency: string }>(sql`
      select v.currency::text as currency from cart_lines cl join variants v on v.id = cl.variant_id
      where cl.cart_id = ${cartId} and v.currency <> ${variant.currency} limit 1`);
    if (other) throw conflict(`Your cart is priced in ${other.currency} and ${variant.name} in ${variant.currency}: check out first.`);

    const [line] = await tx.db.execute<{ quantity: number }>(sql`
      select quantity from cart_lines where cart_id = ${cartId} and variant_id = ${input.variantId}`);
    const current = line?.quantity ?? 0;
    const asked = current + input.quantity;
    const quantity = Math.max(current, Math.min(asked, MAX_LINE_QUANTITY, variant.available));
    if (quantity === 0) throw new DomainError("OutOfStock", `${variant.name} is out of stock.`);

    // Adding means the shopper just saw today's price, so it becomes the seen price.
    await tx.db.execute(sql`
      insert into cart_lines (cart_id, variant_id, quantity, seen_unit_amount)
      values (${cartId}, ${input.variantId}, ${quantity}, ${variant.priceAmount})
      on conflict (cart_id, variant_id) do update set quantity = excluded.quantity, seen_unit_amount = excluded.seen_unit_amount`);
    return { cartId, variantId: input.variantId, quantity, notice: cappedNotice(variant, asked, quantity, MAX_LINE_QUANTITY) };
  });
}
