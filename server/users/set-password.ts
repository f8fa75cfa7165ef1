import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { withTransaction, type ServiceContext } from "../context";
import { notFound } from "../errors";
import { revokeAccountTokens } from "./account-tokens";

/**
 * Stores a new password hash and ends every session of the account (session version raised) and any reset link still
 * out. `verifiesEmail` when the change came through a link sent to the address.
 */
export async function setPassword(ctx: ServiceContext, input: { userId: string; passwordHash: string; verifiesEmail?: boolean }): Promise<{ email: string }> {
  return withTransaction(ctx, async (tx) => {
    const [user] = await tx.db
      .update(users)
      .set({
        passwordHash: input.passwordHash,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        ...(input.verifiesEmail ? { emailVerified: sql`coalesce(${users.emailVerified}, now())` } : {}),
      })
      .where(eq(users.id, input.userId))
      .returning({ email: users.email });
    if (!user) throw notFound("Account");
    await revokeAccountTokens(tx, { userId: input.userId, kind: "password_reset" });
    return user;
  });
}
