import { and, count, eq, isNull } from "drizzle-orm";
import { notificationPreferences, stockAlerts } from "@/db/schema";
import { findVariantStock } from "../cart/variant-stock";
import { withTransaction, type ServiceContext } from "../context";
import { conflict, invalid, notFound } from "../errors";
import type { SubscribeStockAlertInput } from "./schemas";

/** How many variants one account or address may wait for at once. */
export const MAX_WAITING_ALERTS = 50;

/**
 * Asks to be emailed once when a sold-out variant is available again: a signed-in shopper by account, a guest by the
 * address given. Asking switches back-in-stock email on for the subscriber unless they already chose (an unsubscribe wins). Asking again while waiting changes nothing; the answer is the same either way, so it tells a guest
 * nothing about who else waits.
 */
export async function subscribeStockAlert(ctx: ServiceContext, input: SubscribeStockAlertInput): Promise<{ waiting: true }> {
  const userId = ctx.actor.type === "shopper" || ctx.actor.type === "admin" ? ctx.actor.userId : null;
  const email = userId ? null : input.email?.trim().toLowerCase();
  if (!userId && !email) throw invalid("Give an email address to be told", { email: "Enter your email address" });
  const variant = await findVariantStock(ctx, input.variantId);
  if (!variant?.active) throw notFound("Variant");
  if (variant.available > 0) throw conflict(`${variant.name} is in stock: add it to your cart`);
  const subscriber = userId ? eq(stockAlerts.userId, userId) : eq(stockAlerts.email, email!);
  return withTransaction(ctx, async (tx) => {
    const [waiting] = await tx.db
      .select({ n: count() })
      .from(stockAlerts)
      .where(and(subscriber, isNull(stockAlerts.notifiedAt)));
    if (waiting!.n >= MAX_WAITING_ALERTS) throw conflict(`You are already waiting for ${MAX_WAITING_ALERTS} items; we will email you as they return`);
    await tx.db.insert(stockAlerts).values({ variantId: input.variantId, userId, email }).onConflictDoNothing();
    // Back-in-stock mail is opt-in, and this request is the opt-in; a choice already made (an unsubscribe) stands.
    await tx.db
      .insert(notificationPreferences)
      .values({ userId, address: email, category: "back-in-stock", channel: "email", enabled: true })
      .onConflictDoNothing();
    return { waiting: true as const };
  });
}
