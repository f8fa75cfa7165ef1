import type { Account, AuthOptions, Profile, Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CognitoProvider from "next-auth/providers/cognito";
import CredentialsProvider from "next-auth/providers/credentials";
import type { Db } from "@/db/client";
import { systemContext } from "../context";
import { appDb } from "../db";
import { cognitoConfigured, env, type Env } from "../env";
import { clientIp } from "../abuse/client-ip";
import { RateLimited } from "../errors";
import { applyCognitoGroups } from "../users/cognito-role";
import { endSessions } from "../users/end-sessions";
import { findSessionUser } from "../users/find-user";
import { linkOidcAccount } from "../users/link-oidc-account";
import { SignInInput, type OidcIdentity } from "../users/schemas";
import { verifyCredentials } from "../users/verify-credentials";
import { sameOriginRedirect } from "./callback-url";
import { tooManyAttemptsError } from "./too-many-attempts";

/** Cognito sends email_verified as a boolean in the ID token and has sent the string "true" from userinfo. */
function oidcIdentity(account: Account, profile: Profile | undefined): OidcIdentity {
  const claims = (profile ?? {}) as Profile & { email_verified?: boolean | string; picture?: string };
  if (!claims.email) throw new Error(`${account.provider} sent no email claim: request the "email" scope`);
  return {
    provider: account.provider,
    providerAccountId: account.providerAccountId,
    email: claims.email,
    emailVerified: claims.email_verified === true || claims.email_verified === "true",
    name: claims.name ?? null,
    image: claims.picture ?? null,
  };
}

/** Cognito puts the user's groups in the ID token as `cognito:groups`, and leaves the claim out when there are none. */
function cognitoGroups(profile: Profile | undefined): string[] {
  const groups = (profile as { "cognito:groups"?: unknown } | undefined)?.["cognito:groups"];
  return Array.isArray(groups) ? groups.filter((g): g is string => typeof g === "string") : [];
}

/**
 * next-auth's options for an environment and a database. Sessions are JWTs; the jwt callback re-reads the user
 * (one primary-key lookup) on every call, so a changed role or a deleted user takes effect on the next request:
 * server components cannot rewrite the cookie, so a time-based refresh would end up reading on every call anyway.
 * The token carries the user's session version from sign-in; signing out, a password change or erasure raises it, so a
 * copied cookie stops working. Cookies are Secure (and __Secure- prefixed) when the public URL is HTTPS.
 */
export function buildAuthOptions(e: Env, db: () => Db): AuthOptions {
  const ctx = () => systemContext(db(), "auth");
  const providers: AuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const input = SignInInput.safeParse({ email: credentials?.email, password: credentials?.password });
        if (!input.success) return null;
        try {
          return await verifyCredentials(ctx(), { ...input.data, ip: clientIp(req?.headers) });
        } catch (error) {
          throw error instanceof RateLimited ? tooManyAttemptsError(error.retryAfterSeconds) : error;
        }
      },
    }),
  ];
  if (cognitoConfigured(e)) {
    providers.push(
      CognitoProvider({
        clientId: e.COGNITO_CLIENT_ID!,
        clientSecret: e.COGNITO_CLIENT_SECRET!,
        issuer: e.COGNITO_ISSUER,
        authorization: { params: { scope: "openid email profile" } },
      }),
    );
  }

  return {
    secret: e.NEXTAUTH_SECRET,
    events: {
      async signOut({ token }) {
        if (token?.sub && typeof token.sessionVersion === "number") await endSessions(ctx(), { userId: token.sub, fromVersion: token.sessionVersion });
      },
    },
    session: { strategy: "jwt" },
    useSecureCookies: new URL(e.NEXTAUTH_URL).protocol === "https:",
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers,
    callbacks: {
      redirect: ({ url, baseUrl }) => sameOriginRedirect(url, baseUrl),
      async jwt({ token, user, account, profile }): Promise<JWT> {
        let userId = token.sub;
        if (account?.type === "oauth") {
          userId = (await linkOidcAccount(ctx(), oidcIdentity(account, profile))).id;
          if (account.provider === "cognito") await applyCognitoGroups(ctx(), { userId, groups: cognitoGroups(profile), adminGroup: e.COGNITO_ADMIN_GROUP });
        } else if (account) userId = user.id;
        const fresh = userId ? await findSessionUser(ctx(), { id: userId }) : null;
        const version = account ? fresh?.sessionVersion : token.sessionVersion;
        // An empty token is a signed-out session: the user was deleted, or signed out everywhere, since the cookie was issued.
        if (!fresh || version !== fresh.sessionVersion) return {};
        return { ...token, sub: fresh.id, email: fresh.email, name: fresh.name, role: fresh.role, sessionVersion: version };
      },
      session({ session, token }): Session {
        const { sub, email, role } = token;
        if (!sub || !email || !role) return { expires: session.expires };
        return { ...session, user: { id: sub, email, name: token.name ?? null, role } };
      },
    },
  };
}

let cached: AuthOptions | undefined;

/** Built on first use, so importing this module reads no environment. */
export function authOptions(): AuthOptions {
  cached ??= buildAuthOptions(env(), appDb);
  return cached;
}
