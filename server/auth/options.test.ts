import { eq } from "drizzle-orm";
import type { Account, Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { parseEnv } from "@/server/env";
import { useTestDatabase } from "@/test/db";
import { developmentEnv } from "@/test/env";
import { buildAuthOptions } from "./options";

const t = useTestDatabase();
const base = developmentEnv;
const cognito = { COGNITO_CLIENT_ID: "client", COGNITO_CLIENT_SECRET: "secret", COGNITO_ISSUER: "https://cognito-idp.eu-west-1.amazonaws.com/pool" };
const options = () => buildAuthOptions(parseEnv(base), () => t.db);

describe("authOptions providers", () => {
  it("offers only email and password when Cognito is not configured", () => {
    expect(options().providers.map((p) => p.id)).toEqual(["credentials"]);
  });

  it("adds Cognito, asking for email and profile, when all three Cognito variables are set", () => {
    const built = buildAuthOptions(parseEnv({ ...base, ...cognito }), () => t.db);
    expect(built.providers.map((p) => p.id)).toEqual(["credentials", "cognito"]);
    const provider = built.providers[1]!;
    expect(provider.options).toMatchObject({
      clientId: "client",
      issuer: cognito.COGNITO_ISSUER,
      authorization: { params: { scope: "openid email profile" } },
    });
    expect(built.session?.strategy).toBe("jwt");
    expect(built.pages?.signIn).toBe("/sign-in");
  });
});

async function jwt(token: JWT, signIn?: { user: { id: string }; account: Account; profile?: Record<string, unknown> }) {
  const callback = options().callbacks!.jwt!;
  return callback({ token, user: signIn?.user ?? { id: "" }, account: signIn?.account ?? null, profile: signIn?.profile });
}

async function session(token: JWT): Promise<Session> {
  const callback = options().callbacks!.session! as (p: { session: Session; token: JWT }) => Promise<Session> | Session;
  return callback({ session: { expires: "2099-01-01T00:00:00.000Z" }, token });
}

describe("jwt and session callbacks", () => {
  it("put the id and role of a password sign-in in the session, and re-read the role on every call", async () => {
    const [user] = await t.db.insert(users).values({ email: "pat@example.com", name: "Pat" }).returning({ id: users.id });
    const id = user!.id;
    const token = await jwt({ sub: id }, { user: { id }, account: { type: "credentials", provider: "credentials", providerAccountId: id } });
    expect((await session(token)).user).toEqual({ id, email: "pat@example.com", name: "Pat", role: "shopper" });

    await t.db.update(users).set({ role: "admin" }).where(eq(users.id, id));
    expect((await session(await jwt(token))).user).toMatchObject({ id, role: "admin" });

    await t.db.delete(users).where(eq(users.id, id));
    expect((await session(await jwt(token))).user).toBeUndefined();
  });

  it("turn a Cognito sign-in into our own user id, creating the user once", async () => {
    const signIn = {
      user: { id: "cognito-sub-1" },
      account: { type: "oauth" as const, provider: "cognito", providerAccountId: "cognito-sub-1" },
      profile: { sub: "cognito-sub-1", email: "Kim@Example.com", email_verified: "true", name: "Kim" },
    };
    const first = await jwt({ sub: "cognito-sub-1" }, signIn);
    const second = await jwt({ sub: "cognito-sub-1" }, signIn);
    const [row] = await t.db.select().from(users).where(eq(users.email, "kim@example.com"));
    expect(first.sub).toBe(row!.id);
    expect(second.sub).toBe(row!.id);
    expect((await session(first)).user).toEqual({ id: row!.id, email: "kim@example.com", name: "Kim", role: "shopper" });
  });

  it("refuse a Cognito sign-in whose email is not verified", async () => {
    const signIn = {
      user: { id: "cognito-sub-2" },
      account: { type: "oauth" as const, provider: "cognito", providerAccountId: "cognito-sub-2" },
      profile: { sub: "cognito-sub-2", email: "unverified@example.com", email_verified: false },
    };
    await expect(jwt({ sub: "cognito-sub-2" }, signIn)).rejects.toThrow(/not verified/);
  });
});
