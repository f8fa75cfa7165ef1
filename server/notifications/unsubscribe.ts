import { and, eq } from "drizzle-orm";
import { notificationPreferences } from "@/db/schema";
import { withTransaction, type ServiceContext } from "../context";
import { invalid } from "../errors";
import { mayReceive } from "./may-receive";
import type { NotificationCategory, UnsubscribeInput } from "./preference-schemas";
import { readUnsubscribeToken, type UnsubscribeTarget } from "./unsubscribe-link";

export type UnsubscribeState = { category: NotificationCategory; subscribed: boolean };

function targetOf(input: UnsubscribeInput): UnsubscribeTarget {
  const target = readUnsubscribeToken(input.token);
  if (!target) throw invalid("This unsubscribe link is not valid. Use the newest one, or change your choices on your account page.");
  return target;
}

/** What a link would switch off, and whether it still gets through: the page's confirmation, without signing in. */
export async function describeUnsubscribe(ctx: ServiceContext, input: UnsubscribeInput): Promise<UnsubscribeState> {
  const target = targetOf(input);
  return { category: target.category, subscribed: await mayReceive(ctx, { ...target, channel: "email" }) };
}

/**
 * Switches the link's category off for email: the link is the proof, no session is needed. Following it again finds
 * the category off already, says so and writes nothing.
 */
export async function unsubscribe(ctx: ServiceContext, input: UnsubscribeInput): Promise<{ category: NotificationCategory; result: "unsubscribed" | "already" }> {
  const target = targetOf(input);
  return withTransaction(ctx, async (tx) => {
    if (!(await mayReceive(tx, { ...target, channel: "email" }))) return { category: target.category, result: "already" };
    const owner = "userId" in target ? { userId: target.userId } : { address: target.address };
    const key = "userId" in target ? eq(notificationPreferences.userId, target.userId) : eq(notificationPreferences.address, target.address);
    const [updated] = await tx.db
      .update(notificationPreferences)
      .set({ enabled: false, updatedAt: new Date() })
      .where(and(key, eq(notificationPreferences.category, target.category), eq(notificationPreferences.channel, "email")))
      .returning({ id: notificationPreferences.id });
    if (!updated) await tx.db.insert(notificationPreferences).values({ ...owner, category: target.category, channel: "email", enabled: false }).onConflictDoNothing();
    return { category: target.category, result: "unsubscribed" };
  });
}
