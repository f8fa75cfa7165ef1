import { sql } from "drizzle-orm";
import { withTransaction, type ServiceContext } from "../context";
import { notFound } from "../errors";
import { lockActiveCart, type GuestCartRef } from "./active-cart";
import { MAX_LINE_QUANTITY } from "../limits";
import type { CartLineResult } from "./schemas";
import { cappedNotice, findVariantStock } from "./variant-stock";

/** Sets a line's quantity. Lowering always works; raising stops at the stock available now (never below the current quantity). */
export async function updateCartLine(ctx: ServiceContext, input: GuestCartRef & { variantId: number; quantity: number }): Promise<CartLineResult> {
  return withTransaction(ctx, async (tx) => {
    const cartId = await lockActiveCart(tx, input.guestCartId);
    const [line] = cartId
      ? await tx.db.execute<{ quantity: number }>(sql`select quantity from cart_lines where cart_id = ${cartId} and variant_id = ${input.variantId}`)
      : [];
    const variant = line && (await findVariantStock(tx, input.variantId));
    if (!cartId || !line || !variant) throw notFound("cart line");

    const quantity = input.quantity <= line.quantity ? input.quantity : Math.max(line.quantity, Math.min(input.quantity, variant.available));
    await tx.db.execute(sql`update cart_lines set quantity = ${quantity} where cart_id = ${cartId} and variant_id = ${input.variantId}`);
    return { cartId, variantId: input.variantId, quantity, notice: cappedNotice(variant, input.quantity, quantity, MAX_LINE_QUANTITY) };
  });
}
