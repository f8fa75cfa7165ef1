import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { consumeLimits, limiter } from "../abuse/limits";
import type { ServiceContext } from "../context";
import { invalid } from "../errors";
import { signedInUser } from "../notifications/get-preferences";
import { hashPassword, verifyPassword } from "./password";
import { assertUncommonPassword } from "./password-policy";
import type { ChangePasswordInput } from "./schemas";
import { setPassword } from "./set-password";

/**
 * The signed-in user replaces their password, proving the current one (a wrong one counts against the same limit as a
 * sign-in). Every session ends, this one included: the page signs in again with the new password.
 */
export async function changePassword(ctx: ServiceContext, input: ChangePasswordInput): Promise<void> {
  const userId = signedInUser(ctx);
  const [user] = await ctx.db.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  const email = user?.email.toLowerCase() ?? userId;
  await consumeLimits(ctx.db as Db, [["signInAccount", email]]);
  if (!(await verifyPassword(input.currentPassword, user?.passwordHash))) {
    throw invalid("The current password is not right", { currentPassword: "The current password is not right" });
  }
  await limiter(ctx.db as Db, "signInAccount").delete(email);
  assertUncommonPassword(input.newPassword, "newPassword");
  await setPassword(ctx, { userId, passwordHash: await hashPassword(input.newPassword) });
}
