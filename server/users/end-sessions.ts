import { and, eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import type { ServiceContext } from "../context";

/**
 * Signs the user out everywhere: raises their session version, so every session token issued before stops working on its
 * next request. With `fromVersion`, only when the version is still that one (a stale sign-out changes nothing).
 */
export async function endSessions(ctx: ServiceContext, input: { userId: string; fromVersion?: number }): Promise<void> {
  const sameUser = eq(users.id, input.userId);
  await ctx.db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(input.fromVersion === undefined ? sameUser : and(sameUser, eq(users.sessionVersion, input.fromVersion)));
}
