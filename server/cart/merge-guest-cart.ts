import { sql } from "drizzle-orm";
import { withTransaction, type ServiceContext } from "../context";
import { DomainError } from "../errors";
import { openCart } from "./active-cart";
import { MAX_LINE_QUANTITY } from "../limits";

/**
 * Moves a guest cart into the signed-in caller's cart: quantities of the same variant are summed, capped at 99 and at the
 * stock available (but never below what either cart held), details the user's cart lacks are copied, and the guest cart
 * becomes "merged". Idempotent: a merged, ordered or unknown guest cart changes nothing.
 */
export async function mergeGuestCart(ctx: ServiceContext, input: { guestCartId: string }): Promise<{ merged: boolean }> {
  if (ctx.actor.type !== "shopper" && ctx.actor.type !== "admin") throw new DomainError("Unauthenticated", "sign in to keep your cart");
  const [candidate] = await ctx.db.execute<{ id: string }>(sql`
    select id from carts where id = ${input.guestCartId} and user_id is null and status = 'active'`);
  if (!candidate) return { merged: false };

  return withTransaction(ctx, async (tx) => {
    // Lock order: the user's cart, then the guest's. A concurrent merge waits here, then finds the guest cart merged.
    const { cartId } = await openCart(tx, null);
    const [guest] = await tx.db.execute<{ id: string }>(sql`
      select id from carts where id = ${input.guestCartId} and user_id is null and status = 'active' for update`);
    if (!guest) return { merged: false };

    await tx.db.execute(sql`
      insert into cart_lines as cl (cart_id, variant_id, quantity, seen_unit_amount)
      select ${cartId}, g.variant_id, g.quantity, g.seen_unit_amount from cart_lines g where g.cart_id = ${guest.id}
      on conflict (cart_id, variant_id) do update set quantity = least(
        cl.quantity + excluded.quantity,
        ${MAX_LINE_QUANTITY},
        greatest(cl.quantity, excluded.quantity,
          (select coalesce(sum(s.on_hand - s.reserved), 0) from stock_levels s where s.variant_id = excluded.variant_id)::int))`);
    await tx.db.execute(sql`
      update carts u set email = coalesce(u.email, g.email), shipping_address = coalesce(u.shipping_address, g.shipping_address),
        shipping_method = coalesce(u.shipping_method, g.shipping_method), updated_at = now()
      from carts g where u.id = ${cartId} and g.id = ${guest.id}`);
    await tx.db.execute(sql`update carts set status = 'merged', updated_at = now() where id = ${guest.id}`);
    return { merged: true };
  });
}
