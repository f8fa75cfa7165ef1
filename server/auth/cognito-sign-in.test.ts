import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { accounts, userTokens, users } from "@/db/schema";
import { systemContext } from "@/server/context";
import { accountLinkToken } from "@/server/users/account-tokens";
import { sendEmailVerification, verifyEmail } from "@/server/users/email-verification";
import { parseEnv } from "@/server/env";
import { developmentEnv } from "@/test/env";
import { useTestDatabase } from "@/test/db";
import { GET } from "@/app/(auth)/signed-out/route";
import { authTestClient } from "./auth-test-client";
import { cognitoLogoutUrl } from "./cognito-logout";
import type { AccountClaims } from "oidc-provider";
import { startLocalIssuer, type LocalIssuer } from "./local-oidc-issuer";
import { buildAuthOptions } from "./options";

const t = useTestDatabase();
vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
vi.stubEnv("NEXTAUTH_SECRET", developmentEnv.NEXTAUTH_SECRET);
vi.stubEnv("DATABASE_URL", developmentEnv.DATABASE_URL);
// What the /signed-out route reads (env() is read once): a pool with its managed login domain.
vi.stubEnv("COGNITO_CLIENT_ID", "emporium-web");
vi.stubEnv("COGNITO_CLIENT_SECRET", "emporium-web-secret");
vi.stubEnv("COGNITO_ISSUER", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Example");
vi.stubEnv("COGNITO_DOMAIN", "https://emporium.auth.eu-west-1.amazoncognito.com");
let issuer: LocalIssuer;
const people: Record<string, AccountClaims> = {
  kim: { sub: "kim", email: "Kim@Example.com", email_verified: true, name: "Kim Lee" },
  boss: { sub: "boss", email: "boss@shop.test", email_verified: true, name: "Boss", "cognito:groups": ["admin", "buyers"] },
  unverified: { sub: "unverified", email: "someone@shop.test", email_verified: false, name: "Mallory" },
  owner: { sub: "owner", email: "owner@shop.test", email_verified: true, name: "Real Owner" },
};

beforeAll(async () => {
  issuer = await startLocalIssuer(people, "http://localhost:3000/api/auth/callback/cognito");
});
afterAll(() => issuer?.close());

async function signInWithCognito(login: string, extra: Record<string, string> = {}) {
  const env = parseEnv({
    ...developmentEnv,
    ...extra,
    COGNITO_CLIENT_ID: issuer.clientId,
    COGNITO_CLIENT_SECRET: issuer.clientSecret,
    COGNITO_ISSUER: issuer.issuer,
  });
  const client = authTestClient(buildAuthOptions(env, () => t.db));
  const { csrfToken } = (await client.call("GET", "csrf")).body as { csrfToken: string };
  const start = await client.call("POST", "signin/cognito", { csrfToken, callbackUrl: "/orders", json: "true" });
  const authorizeUrl = (start.body as { url: string }).url;
  const back = await issuer.authorize(authorizeUrl, login);
  const done = await client.call("GET", `callback/cognito${back.search}`);
  return { client, authorizeUrl: new URL(authorizeUrl), done };
}

describe("signing in with Cognito (a local OpenID issuer)", () => {
  it("asks for email and profile, creates the user once, and puts our id and role in the session", async () => {
    const first = await signInWithCognito("kim");
    expect(first.authorizeUrl.searchParams.get("scope")).toBe("openid email profile");
    expect(first.done.location).toBe("http://localhost:3000/orders");
    const [kim] = await t.db.select().from(users).where(eq(users.email, "kim@example.com"));
    expect((await first.client.session()).user).toEqual({ id: kim!.id, email: "kim@example.com", name: "Kim Lee", role: "shopper" });

    const second = await signInWithCognito("kim");
    expect(((await second.client.session()).user as { id: string }).id).toBe(kim!.id);
    const links = await t.db.select().from(accounts).where(and(eq(accounts.provider, "cognito"), eq(accounts.providerAccountId, "kim")));
    expect(links.map((l) => l.userId)).toEqual([kim!.id]);
  });

  it("signs an existing user in by their verified email; the admin role follows the cognito:groups claim at each sign-in", async () => {
    const [boss] = await t.db.insert(users).values({ email: "Boss@shop.test", name: "The Boss", emailVerified: new Date() }).returning({ id: users.id });
    const promoted = await signInWithCognito("boss");
    expect((await promoted.client.session()).user).toMatchObject({ id: boss!.id, role: "admin" });

    people.boss!["cognito:groups"] = ["buyers"];
    const demoted = await signInWithCognito("boss");
    expect((await demoted.client.session()).user).toMatchObject({ id: boss!.id, role: "shopper" });
    // The earlier session reads the role afresh on its next request.
    expect((await promoted.client.session()).user).toMatchObject({ role: "shopper" });

    people.boss!["cognito:groups"] = ["shop-admins"];
    expect((await (await signInWithCognito("boss")).client.session()).user).toMatchObject({ role: "shopper" });
    expect((await (await signInWithCognito("boss", { COGNITO_ADMIN_GROUP: "shop-admins" })).client.session()).user).toMatchObject({ role: "admin" });
    delete people.boss!["cognito:groups"];
    expect((await (await signInWithCognito("boss", { COGNITO_ADMIN_GROUP: "shop-admins" })).client.session()).user).toMatchObject({ role: "shopper" });
  });

  it("signing out ends our session, then Cognito's at its logout endpoint with our client id and home page", async () => {
    const { client } = await signInWithCognito("kim");
    const out = await client.call("POST", "signout", { csrfToken: await client.csrfToken(), callbackUrl: "/signed-out", json: "true" });
    expect((out.body as { url: string }).url).toBe("http://localhost:3000/signed-out");
    expect(await client.session()).toEqual({});

    const landing = GET();
    expect(landing.status).toBe(303);
    const logout = new URL(landing.headers.get("location")!);
    expect(`${logout.origin}${logout.pathname}`).toBe("https://emporium.auth.eu-west-1.amazoncognito.com/logout");
    expect(Object.fromEntries(logout.searchParams)).toEqual({ client_id: "emporium-web", logout_uri: "http://localhost:3000/" });
    // Without a managed login domain there is no Cognito session to end: home.
    expect(cognitoLogoutUrl(parseEnv({ ...developmentEnv, COGNITO_CLIENT_ID: "a", COGNITO_CLIENT_SECRET: "b", COGNITO_ISSUER: issuer.issuer }))).toBeNull();
  });

  it("never links the identity to a local account whose email is not verified with us, until it is", async () => {
    const [squatter] = await t.db.insert(users).values({ email: "owner@shop.test", name: "Squatter", passwordHash: "x" }).returning({ id: users.id });
    vi.spyOn(console, "error").mockImplementation(() => {});
    const refused = await signInWithCognito("owner");
    vi.mocked(console.error).mockRestore();
    expect(await refused.client.session()).toEqual({});
    expect(await t.db.select().from(accounts).where(eq(accounts.userId, squatter!.id))).toEqual([]);

    await sendEmailVerification(systemContext(t.db, "test"), { userId: squatter!.id });
    const [link] = await t.db.select().from(userTokens).where(eq(userTokens.userId, squatter!.id));
    await verifyEmail(systemContext(t.db, "test"), { token: accountLinkToken(link!) });
    const linked = await signInWithCognito("owner");
    expect((await linked.client.session()).user).toMatchObject({ id: squatter!.id });
  });

  it("refuses an unverified email and sends the visitor back to the sign-in page with an error", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const { client, done } = await signInWithCognito("unverified");
    expect(String(logged.mock.calls.flat())).toContain("not verified");
    logged.mockRestore();
    // next-auth sends the browser through its own error and sign-in routes before our page.
    let location = done.location!;
    while (location.startsWith("http://localhost:3000/api/auth/")) {
      location = (await client.call("GET", location.replace("http://localhost:3000/api/auth/", ""))).location!;
    }
    const shown = new URL(location, "http://localhost:3000");
    expect(shown.pathname).toBe("/sign-in");
    expect(shown.searchParams.get("error")).toBe("Callback");
    expect(await client.session()).toEqual({});
    expect(await t.db.select().from(users).where(eq(users.email, "someone@shop.test"))).toEqual([]);
  });
});
