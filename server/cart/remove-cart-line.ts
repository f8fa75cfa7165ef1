import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";
import { activeCartCondition, type GuestCartRef } from "./active-cart";

/** Removes a line from the caller's cart; removing one that is not there changes nothing (a double click is harmless). */
export async function removeCartLine(ctx: ServiceContext, input: GuestCartRef & { variantId: number }): Promise<{ removed: boolean }> {
  const rows = await ctx.db.execute<{ variantId: number }>(sql`
    delete from cart_lines cl using carts c
    where cl.cart_id = c.id and cl.variant_id = ${input.variantId} and ${activeCartCondition(ctx, input.guestCartId)}
    returning cl.variant_id as "variantId"`);
  return { removed: rows.length > 0 };
}
