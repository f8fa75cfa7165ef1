import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { consumeLimits } from "../abuse/limits";
import { withTransaction, type ServiceContext } from "../context";
import { invalid } from "../errors";
import { queueNotifications } from "../notifications/queue-notifications";
import { issueAccountToken, linkTokenId, redeemAccountToken } from "./account-tokens";
import { setPassword } from "./set-password";
import { hashPassword } from "./password";
import { assertUncommonPassword } from "./password-policy";
import type { RequestPasswordResetInput, ResetPasswordInput } from "./schemas";

const LINK_DEAD = "This link has expired or was already used";

/**
 * Emails a reset link (60 minutes, single use; a newer request replaces it) when the address has an account, and
 * answers the same either way. Limited per address and per IP whether or not the account exists.
 */
export async function requestPasswordReset(ctx: ServiceContext, input: RequestPasswordResetInput & { ip?: string | null }): Promise<void> {
  await consumeLimits(ctx.db as Db, [
    ["passwordResetEmail", input.email],
    ["passwordResetIp", input.ip],
  ]);
  await withTransaction(ctx, async (tx) => {
    const [user] = await tx.db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(eq(sql`lower(${users.email})`, input.email));
    if (!user) return;
    const { id } = await issueAccountToken(tx, { userId: user.id, kind: "password_reset" });
    await queueNotifications(tx, { kind: "password-reset", subjectId: id, recipients: [user.email], userId: user.id });
  });
}

/**
 * Sets a new password from a reset link and uses the link up. Every session of the account ends, and the address counts
 * as verified (the link reached it). Answers the account's email, so the page can sign in with the new password.
 */
export async function resetPassword(ctx: ServiceContext, input: ResetPasswordInput): Promise<{ email: string }> {
  if (!linkTokenId("password_reset", input.token)) throw invalid(LINK_DEAD, { token: LINK_DEAD });
  assertUncommonPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return withTransaction(ctx, async (tx) => {
    const link = await redeemAccountToken(tx, { kind: "password_reset", token: input.token });
    if (!link) throw invalid(LINK_DEAD, { token: LINK_DEAD });
    return setPassword(tx, { userId: link.userId, passwordHash, verifiesEmail: true });
  });
}
