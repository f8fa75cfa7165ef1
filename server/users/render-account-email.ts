import { and, eq, ne, sql } from "drizzle-orm";
import type { RenderedEmail } from "@/emails";
import { renderEmail } from "../notifications/render-email";
import { notifications, userTokens, users } from "@/db/schema";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { absoluteUrl, shopIdentity } from "../notifications/shop-identity";
import { accountLinkToken, TOKEN_LIFETIME_MINUTES } from "./account-tokens";

export const ACCOUNT_EMAIL_KINDS = new Set(["password-reset", "email-verification", "email-change", "email-changed"]);

/** `ada.lovelace@example.com` → `ad•••@example.com`: enough for the owner to recognise, little for anyone else. */
export const maskEmail = (email: string) => email.replace(/^([^@]{0,2})[^@]*@/, "$1•••@");

/**
 * An account email for what it is about: a reset, verification or email-change link (the token row; NotFound once the
 * link was used or replaced), or the notice to the old address after an email change (the message's account).
 */
export async function renderAccountEmail(ctx: ServiceContext, input: { kind: string; subjectId: string }): Promise<RenderedEmail> {
  if (input.kind === "email-changed") return renderEmailChanged(ctx, input.subjectId);
  const [row] = await ctx.db
    .select({ id: userTokens.id, kind: userTokens.kind, expiresAt: userTokens.expiresAt, newEmail: userTokens.newEmail, userId: userTokens.userId, name: users.name })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(eq(userTokens.id, input.subjectId));
  if (!row) throw notFound("Account link");
  const token = encodeURIComponent(accountLinkToken(row));
  const about = { shop: shopIdentity(), customerName: row.name ?? undefined };
  if (row.kind === "password_reset") {
    return renderEmail("password-reset", { ...about, resetUrl: absoluteUrl(`/reset-password?token=${token}`), expiresInMinutes: TOKEN_LIFETIME_MINUTES.password_reset });
  }
  if (row.kind === "email_change") {
    const expiresInMinutes = TOKEN_LIFETIME_MINUTES.email_change;
    const [taken] = await ctx.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(sql`lower(${users.email})`, row.newEmail ?? ""), ne(users.id, row.userId)));
    if (taken) return renderEmail("email-change", { shop: about.shop, expiresInMinutes });
    return renderEmail("email-change", { ...about, confirmUrl: absoluteUrl(`/confirm-email?token=${token}`), expiresInMinutes });
  }
  return renderEmail("email-verification", { ...about, verifyUrl: absoluteUrl(`/verify-email?token=${token}`), expiresInHours: TOKEN_LIFETIME_MINUTES.email_verification / 60 });
}

async function renderEmailChanged(ctx: ServiceContext, subjectId: string): Promise<RenderedEmail> {
  const [row] = await ctx.db
    .select({ name: users.name, email: users.email, changedAt: notifications.createdAt })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(eq(notifications.kind, "email-changed"), eq(notifications.subjectId, subjectId)));
  if (!row) throw notFound("Account");
  return renderEmail("email-changed", { shop: shopIdentity(), customerName: row.name ?? undefined, newEmail: maskEmail(row.email), changedAt: row.changedAt.toISOString() });
}
