import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { consumeLimits, limiter } from "../abuse/limits";
import { withTransaction, type ServiceContext } from "../context";
import { conflict, invalid, notFound, uniqueViolation } from "../errors";
import { queueNotifications } from "../notifications/queue-notifications";
import { signedInUser } from "../notifications/get-preferences";
import { issueAccountToken, linkTokenId, redeemAccountToken, revokeAccountTokens } from "./account-tokens";
import { verifyPassword } from "./password";
import type { ConfirmEmailChangeInput, RequestEmailChangeInput } from "./schemas";

const LINK_DEAD = "This link has expired or was already used";
const ADDRESS_UNAVAILABLE = "This address cannot be used for your account";

/**
 * The signed-in shopper asks to move their account to another address (current password required when the account has
 * one; a wrong one counts as a failed sign-in). The new address gets a single-use link, 60 minutes; a newer request
 * replaces it. The answer is the same whether or not another account holds the address: the mail to it then says so
 * instead of carrying a link (see renderAccountEmail), so the form reveals nothing about other accounts.
 */
export async function requestEmailChange(ctx: ServiceContext, input: RequestEmailChangeInput): Promise<void> {
  const userId = signedInUser(ctx);
  const [user] = await ctx.db.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!user) throw notFound("Account");
  const email = user.email.toLowerCase();
  await consumeLimits(ctx.db as Db, [["emailChange", userId], ...(user.passwordHash ? [["signInAccount", email] as const] : [])]);
  if (user.passwordHash) {
    if (!(await verifyPassword(input.password ?? "", user.passwordHash))) throw invalid("The password is not right", { password: "The password is not right" });
    await limiter(ctx.db as Db, "signInAccount").delete(email);
  }
  if (input.newEmail === email) throw invalid("This is already your email address", { newEmail: "This is already your email address" });
  await withTransaction(ctx, async (tx) => {
    const { id } = await issueAccountToken(tx, { userId, kind: "email_change", newEmail: input.newEmail });
    await queueNotifications(tx, { kind: "email-change", subjectId: id, recipients: [input.newEmail], userId });
  });
}

/**
 * Opens the link sent to the new address: the account takes that address, verified (the link reached it), its other
 * links die, every session ends, and the old address is told. An address another account took in the meantime is
 * refused (the unique index on lower(email) decides a race) and the link stays unused.
 */
export async function confirmEmailChange(ctx: ServiceContext, input: ConfirmEmailChangeInput): Promise<{ email: string }> {
  if (!linkTokenId("email_change", input.token)) throw invalid(LINK_DEAD, { token: LINK_DEAD });
  try {
    return await withTransaction(ctx, async (tx) => {
      const link = await redeemAccountToken(tx, { kind: "email_change", token: input.token });
      if (!link?.newEmail) throw invalid(LINK_DEAD, { token: LINK_DEAD });
      const [old] = await tx.db.select({ email: users.email }).from(users).where(eq(users.id, link.userId)).for("update");
      if (!old) throw invalid(LINK_DEAD, { token: LINK_DEAD });
      const [changed] = await tx.db
        .update(users)
        .set({ email: link.newEmail, emailVerified: new Date(), sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(and(eq(users.id, link.userId), ne(sql`lower(${users.email})`, link.newEmail)))
        .returning({ email: users.email });
      if (!changed) throw invalid("This is already your email address", { token: "This is already your email address" });
      await revokeAccountTokens(tx, { userId: link.userId });
      await queueNotifications(tx, { kind: "email-changed", subjectId: linkTokenId("email_change", input.token)!, recipients: [old.email], userId: link.userId });
      return changed;
    });
  } catch (error) {
    if (uniqueViolation(error)) throw conflict(ADDRESS_UNAVAILABLE, { token: ADDRESS_UNAVAILABLE });
    throw error;
  }
}
