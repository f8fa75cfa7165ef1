import { and, eq, or, sql, type SQL } from "drizzle-orm";
import { notificationPreferences, users } from "@/db/schema";
import type { ServiceContext } from "../context";
import { enabledByDefault, isLocked } from "./notification-categories";
import type { NotificationCategory, NotificationChannel } from "./preference-schemas";

export interface MayReceiveInput {
  /** The shopper, when known (SMS and push always know them). */
  userId?: string | null;
  /** The email address; finds the account that owns it when no user id is given, and an account-less unsubscribe. */
  address?: string | null;
  category: NotificationCategory;
  channel: NotificationChannel;
}

/**
 * Whether the shopper's choices let a message of `category` reach them on `channel`. The account's own choice wins, then
 * one made through an unsubscribe link for the address, then the category's default.
 */
export async function mayReceive(ctx: ServiceContext, input: MayReceiveInput): Promise<boolean> {
  if (isLocked(input.category, input.channel)) return true;
  const address = input.address?.trim().toLowerCase() || null;
  let userId = input.userId ?? null;
  if (!userId && address) {
    const [owner] = await ctx.db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${address}`);
    userId = owner?.id ?? null;
  }
  const owners: SQL[] = [];
  if (userId) owners.push(eq(notificationPreferences.userId, userId));
  if (address) owners.push(eq(notificationPreferences.address, address));
  if (owners.length === 0) return enabledByDefault(input.category);
  const choices = await ctx.db
    .select({ userId: notificationPreferences.userId, enabled: notificationPreferences.enabled })
    .from(notificationPreferences)
    .where(and(or(...owners), eq(notificationPreferences.category, input.category), eq(notificationPreferences.channel, input.channel)));
  const choice = choices.find((c) => c.userId !== null) ?? choices[0];
  return choice ? choice.enabled : enabledByDefault(input.category);
}
