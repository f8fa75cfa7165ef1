import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, users } from "@/db/schema";
import { systemContext } from "@/server/context";
import { DomainError } from "@/server/errors";
import { useTestDatabase } from "@/test/db";
import { linkOidcAccount } from "./link-oidc-account";
import type { OidcIdentity } from "./schemas";

const t = useTestDatabase({ max: 12 });
const ctx = () => systemContext(t.db, "test");

const identity = (sub: string, email: string, extra: Partial<OidcIdentity> = {}): OidcIdentity => ({
  provider: "cognito",
  providerAccountId: sub,
  email,
  emailVerified: true,
  name: "Lin",
  image: null,
  ...extra,
});

async function countFor(email: string) {
  const [u] = await t.db.select({ n: count() }).from(users).where(eq(users.email, email));
  const [a] = await t.db.select({ n: count() }).from(accounts).innerJoin(users, eq(users.id, accounts.userId)).where(eq(users.email, email));
  return { users: u!.n, accounts: a!.n };
}

describe("linkOidcAccount", () => {
  it("creates a shopper on the first sign-in and finds the same one afterwards", async () => {
    const first = await linkOidcAccount(ctx(), identity("sub-1", "Lin@Example.com"));
    const again = await linkOidcAccount(ctx(), identity("sub-1", "lin@example.com", { name: "Renamed" }));
    expect(first).toEqual({ id: expect.any(String), email: "lin@example.com", name: "Lin", role: "shopper" });
    expect(again).toEqual(first);
    expect(await countFor("lin@example.com")).toEqual({ users: 1, accounts: 1 });
  });

  it("links to the existing user with the same email, keeping their role", async () => {
    const [owner] = await t.db.insert(users).values({ email: "Admin@Shop.test", name: "Admin", role: "admin", emailVerified: new Date() }).returning({ id: users.id });
    const linked = await linkOidcAccount(ctx(), identity("sub-admin", "admin@shop.test"));
    expect(linked).toMatchObject({ id: owner!.id, role: "admin" });
    expect(await countFor("Admin@Shop.test")).toEqual({ users: 1, accounts: 1 });
  });

  it("refuses to create or link by an email the provider has not verified", async () => {
    await t.db.insert(users).values({ email: "victim@example.com", name: "Victim" });
    const attempt = linkOidcAccount(ctx(), identity("sub-attacker", "victim@example.com", { emailVerified: false }));
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    expect(await countFor("victim@example.com")).toEqual({ users: 1, accounts: 0 });
  });

  it("creates one user and one link when the same first sign-in runs many times at once", async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => linkOidcAccount(ctx(), identity("sub-race", "race@example.com"))));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await countFor("race@example.com")).toEqual({ users: 1, accounts: 1 });
  });

  it("gives two identities with the same email, signing in at once, the same user", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => linkOidcAccount(ctx(), identity(`sub-twin-${i % 2}`, i % 2 ? "TWIN@example.com" : "twin@example.com"))),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await countFor("twin@example.com")).toEqual({ users: 1, accounts: 2 });
  });
});
