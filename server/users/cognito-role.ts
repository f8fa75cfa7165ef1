import { and, eq, ne } from "drizzle-orm";
import { users } from "@/db/schema";
import type { ServiceContext } from "../context";

/**
 * The admin role follows the user's Cognito groups at each Cognito sign-in: a member of `adminGroup` becomes an admin,
 * an admin who left it becomes a shopper again. Other roles (staff) are managed here, not in Cognito.
 */
export async function applyCognitoGroups(ctx: ServiceContext, input: { userId: string; groups: string[]; adminGroup: string }): Promise<void> {
  const admin = input.groups.includes(input.adminGroup);
  await ctx.db
    .update(users)
    .set({ role: admin ? "admin" : "shopper" })
    .where(and(eq(users.id, input.userId), admin ? ne(users.role, "admin") : eq(users.role, "admin")));
}
