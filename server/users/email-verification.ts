import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { consumeLimits } from "../abuse/limits";
import { withTransaction, type ServiceContext } from "../context";
import { invalid } from "../errors";
import { queueNotifications } from "../notifications/queue-notifications";
import { signedInUser } from "../notifications/get-preferences";
import { issueAccountToken, redeemAccountToken } from "./account-tokens";

/** A fresh verification link to the user's address, queued in the notifications ledger; nothing when already verified. */
export async function sendEmailVerification(ctx: ServiceContext, input: { userId: string }): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    const [user] = await tx.db
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.id, input.userId), isNull(users.emailVerified)));
    if (!user) return;
    const { id } = await issueAccountToken(tx, { userId: input.userId, kind: "email_verification" });
    await queueNotifications(tx, { kind: "email-verification", subjectId: id, recipients: [user.email], userId: input.userId });
  });
}

/** The signed-in shopper asks for the link again: three times an hour at most. */
export async function resendEmailVerification(ctx: ServiceContext): Promise<void> {
  const userId = signedInUser(ctx);
  await consumeLimits(ctx.db as Db, [["verificationResend", userId]]);
  await sendEmailVerification(ctx, { userId });
}

/** Marks the address verified by the link sent to it; the link works once. */
export async function verifyEmail(ctx: ServiceContext, input: { token: string }): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    const link = await redeemAccountToken(tx, { kind: "email_verification", token: input.token });
    if (!link) throw invalid("This link has expired or was already used", { token: "Ask for a new link from your account page" });
    await tx.db
      .update(users)
      .set({ emailVerified: new Date() })
      .where(and(eq(users.id, link.userId), isNull(users.emailVerified)));
  });
}
