import { eq } from "drizzle-orm";
import { notificationCategory, notificationChannel, notificationPreferences } from "@/db/schema";
import { DomainError } from "../errors";
import type { ServiceContext } from "../context";
import { enabledByDefault, isLocked } from "./notification-categories";
import type { PreferenceCell } from "./preference-schemas";

export function signedInUser(ctx: ServiceContext): string {
  if (ctx.actor.type === "shopper" || ctx.actor.type === "admin") return ctx.actor.userId;
  throw new DomainError("Unauthenticated", "sign in first");
}

/** The signed-in shopper's grid: every category on every channel, their choice where they made one, else the default. */
export async function getPreferences(ctx: ServiceContext): Promise<PreferenceCell[]> {
  const userId = signedInUser(ctx);
  const chosen = await ctx.db
    .select({ category: notificationPreferences.category, channel: notificationPreferences.channel, enabled: notificationPreferences.enabled })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  return notificationCategory.enumValues.flatMap((category) =>
    notificationChannel.enumValues.map((channel) => {
      const locked = isLocked(category, channel);
      const choice = chosen.find((c) => c.category === category && c.channel === channel);
      return { category, channel, locked, enabled: locked || (choice?.enabled ?? enabledByDefault(category)) };
    }),
  );
}
