import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";
import { activeCartCondition, type GuestCartRef } from "./active-cart";
import type { CartSummary } from "./schemas";

/** The item count for the header badge: a plain read that, unlike getCart, leaves price-change notices for the cart page. */
export async function getCartSummary(ctx: ServiceContext, input: GuestCartRef): Promise<CartSummary> {
  const [row] = await ctx.db.execute<{ itemCount: number }>(sql`
    select coalesce(sum(cl.quantity), 0)::int as "itemCount"
    from carts c join cart_lines cl on cl.cart_id = c.id
    where ${activeCartCondition(ctx, input.guestCartId)}`);
  return { itemCount: row?.itemCount ?? 0 };
}
