import { sql, type SQL } from "drizzle-orm";
import type { ServiceContext } from "../context";
import { DomainError } from "../errors";

/** The guest cart id from the verified cookie, or null; never a value the client typed. */
export interface GuestCartRef {
  guestCartId?: string | null;
}

type CartOwner = { userId: string } | { guestCartId: string | null };

/** Whose cart the caller reaches: a signed-in user's own, or the guest cart their cookie names. */
export function cartOwner(ctx: ServiceContext, guestCartId: string | null | undefined): CartOwner {
  const { actor } = ctx;
  if (actor.type === "shopper" || actor.type === "admin") return { userId: actor.userId };
  if (actor.type === "anonymous") return { guestCartId: guestCartId ?? null };
  throw new DomainError("Forbidden", "carts belong to shoppers");
}

/** SQL condition on the alias `c` (carts) matching the caller's active cart, and nothing else. */
export function activeCartCondition(ctx: ServiceContext, guestCartId: string | null | undefined): SQL {
  const owner = cartOwner(ctx, guestCartId);
  if ("userId" in owner) return sql`c.user_id = ${owner.userId} and c.status = 'active'`;
  if (!owner.guestCartId) return sql`false`;
  return sql`c.id = ${owner.guestCartId} and c.user_id is null and c.status = 'active'`;
}

/**
 * The caller's active cart, created when there is none, locked until the transaction ends so concurrent writes to one
 * cart queue up (and a checkout that closes the cart cannot slip in between). Call inside withTransaction.
 */
export async function openCart(ctx: ServiceContext, guestCartId: string | null | undefined): Promise<{ cartId: string; created: boolean }> {
  const owner = cartOwner(ctx, guestCartId);
  if ("userId" in owner) {
    // The partial unique index carts_one_active_per_user makes this one row per user, however many calls race.
    const [row] = await ctx.db.execute<{ id: string; created: boolean }>(sql`
      insert into carts (user_id) values (${owner.userId})
      on conflict (user_id) where status = 'active' and user_id is not null do update set updated_at = now()
      returning id, (xmax = 0) as created`);
    return { cartId: row!.id, created: row!.created };
  }
  if (owner.guestCartId) {
    const [row] = await ctx.db.execute<{ id: string }>(sql`
      update carts set updated_at = now()
      where id = ${owner.guestCartId} and user_id is null and status = 'active'
      returning id`);
    if (row) return { cartId: row.id, created: false };
  }
  // A fresh random id per guest cart: two first adds racing make two carts, never one shared by two browsers.
  const [row] = await ctx.db.execute<{ id: string }>(sql`insert into carts default values returning id`);
  return { cartId: row!.id, created: true };
}

/** The caller's active cart locked until the transaction ends, or null when they have none. Call inside withTransaction. */
export async function lockActiveCart(ctx: ServiceContext, guestCartId: string | null | undefined): Promise<string | null> {
  const [row] = await ctx.db.execute<{ id: string }>(sql`select c.id from carts c where ${activeCartCondition(ctx, guestCartId)} for update`);
  return row?.id ?? null;
}
