import { eq } from "drizzle-orm";
import { renderEmail, type RenderedEmail } from "@/emails";
import { userTokens, users } from "@/db/schema";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { absoluteUrl, shopIdentity } from "../notifications/shop-identity";
import { accountLinkToken, TOKEN_LIFETIME_MINUTES } from "./account-tokens";

export const ACCOUNT_EMAIL_KINDS = new Set(["password-reset", "email-verification"]);

/** A password-reset or verification email for the token row it is about; NotFound once the link was used or replaced. */
export async function renderAccountEmail(ctx: ServiceContext, input: { kind: string; subjectId: string }): Promise<RenderedEmail> {
  const [row] = await ctx.db
    .select({ id: userTokens.id, kind: userTokens.kind, expiresAt: userTokens.expiresAt, name: users.name })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(eq(userTokens.id, input.subjectId));
  if (!row) throw notFound("Account link");
  const token = encodeURIComponent(accountLinkToken(row));
  const about = { shop: shopIdentity(), customerName: row.name ?? undefined };
  if (row.kind === "password_reset") {
    return renderEmail("password-reset", { ...about, resetUrl: absoluteUrl(`/reset-password?token=${token}`), expiresInMinutes: TOKEN_LIFETIME_MINUTES.password_reset });
  }
  return renderEmail("email-verification", { ...about, verifyUrl: absoluteUrl(`/verify-email?token=${token}`), expiresInHours: TOKEN_LIFETIME_MINUTES.email_verification / 60 });
}
