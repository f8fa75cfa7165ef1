import { createHash, randomUUID } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import { userTokens } from "@/db/schema";
import { withTransaction, type ServiceContext } from "../context";
import { signLink, verifyLink } from "../signing";

export type AccountTokenKind = (typeof userTokens.kind.enumValues)[number];

export const TOKEN_LIFETIME_MINUTES: Record<AccountTokenKind, number> = { password_reset: 60, email_verification: 24 * 60, email_change: 60 };
const PURPOSE: Record<AccountTokenKind, string> = { password_reset: "password-reset", email_verification: "email-verification", email_change: "email-change" };

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/** The token a link carries: the row id signed with LINK_SIGNING_SECRET until the row's expiry (rebuilt from the row when the email is rendered). */
export function accountLinkToken(row: { id: string; kind: AccountTokenKind; expiresAt: Date }): string {
  return signLink(PURPOSE[row.kind], row.id, row.expiresAt);
}

/** A new link of `kind` for the user (an email change names its new address); any earlier one of that kind stops working. */
export async function issueAccountToken(ctx: ServiceContext, input: { userId: string; kind: AccountTokenKind; newEmail?: string }): Promise<{ id: string }> {
  return withTransaction(ctx, async (tx) => {
    await revokeAccountTokens(tx, input);
    const row = { id: randomUUID(), kind: input.kind, expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MINUTES[input.kind] * 60_000) };
    await tx.db.insert(userTokens).values({ ...row, userId: input.userId, newEmail: input.newEmail, tokenHash: hashOf(accountLinkToken(row)) });
    return { id: row.id };
  });
}

/** Kills the user's links of `kind`, or of every kind. */
export async function revokeAccountTokens(ctx: ServiceContext, input: { userId: string; kind?: AccountTokenKind }): Promise<void> {
  const ofUser = eq(userTokens.userId, input.userId);
  await ctx.db.delete(userTokens).where(input.kind ? and(ofUser, eq(userTokens.kind, input.kind)) : ofUser);
}

/** The signed id inside a link token of `kind`, or null when it is forged or past its expiry (checked before any database work). */
export const linkTokenId = (kind: AccountTokenKind, token: string) => verifyLink(PURPOSE[kind], token);

/** Uses a link once: the user it was for (and an email change's new address), or null when it is forged, expired, used already or replaced by a newer one. */
export async function redeemAccountToken(ctx: ServiceContext, input: { kind: AccountTokenKind; token: string }): Promise<{ userId: string; newEmail: string | null } | null> {
  const id = linkTokenId(input.kind, input.token);
  if (!id) return null;
  const [row] = await ctx.db
    .delete(userTokens)
    .where(and(eq(userTokens.id, id), eq(userTokens.kind, input.kind), eq(userTokens.tokenHash, hashOf(input.token)), gt(userTokens.expiresAt, new Date())))
    .returning({ userId: userTokens.userId, newEmail: userTokens.newEmail });
  return row ?? null;
}
