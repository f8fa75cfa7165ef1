import { and, eq, sql } from "drizzle-orm";
import { accounts, users } from "@/db/schema";
import { withTransaction, type ServiceContext } from "../context";
import { DomainError } from "../errors";
import { sessionUserColumns } from "./find-user";
import type { OidcIdentity, SessionUser } from "./schemas";

async function userByAccount(ctx: ServiceContext, identity: OidcIdentity): Promise<SessionUser | undefined> {
  const [user] = await ctx.db
    .select(sessionUserColumns)
    .from(accounts)
    .innerJoin(users, eq(users.id, accounts.userId))
    .where(and(eq(accounts.provider, identity.provider), eq(accounts.providerAccountId, identity.providerAccountId)));
  return user;
}

/**
 * The user behind an OpenID identity: the one already linked to it, else the user with the same email (linked now),
 * else a new shopper. Two concurrent first sign-ins end with one user and one link: each insert is ON CONFLICT DO NOTHING
 * on a unique key, and every read after it is a fresh READ COMMITTED snapshot that sees the winner's rows.
 */
export async function linkOidcAccount(ctx: ServiceContext, identity: OidcIdentity): Promise<SessionUser> {
  return withTransaction(ctx, async (tx) => {
    const linked = await userByAccount(tx, identity);
    if (linked) return linked;
    // Linking by email hands over an existing account, so only an address the provider has verified may do it.
    if (!identity.emailVerified) throw new DomainError("Forbidden", "your email address is not verified with the sign-in provider");

    const email = identity.email.trim().toLowerCase();
    await tx.db
      .insert(users)
      .values({ email, name: identity.name, image: identity.image, emailVerified: new Date() })
      .onConflictDoNothing();
    const [owner] = await tx.db
      .select({ id: users.id, emailVerified: users.emailVerified })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email));
    if (!owner) throw new Error(`no user for ${email} after insert`);
    // Someone may have signed up with this address without owning it (pre-hijacking): an account whose owner has not
    // proved the address by our own link is never handed to the identity.
    if (!owner.emailVerified) throw new DomainError("Forbidden", "verify your email address with the link we sent before signing in with Cognito");

    await tx.db
      .insert(accounts)
      .values({ userId: owner.id, type: "oauth", provider: identity.provider, providerAccountId: identity.providerAccountId })
      .onConflictDoNothing();
    const user = await userByAccount(tx, identity);
    if (!user) throw new Error(`no user linked to ${identity.provider} account after insert`);
    return user;
  });
}
