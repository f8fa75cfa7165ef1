import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, type Db } from "@/db/client";
import { users } from "@/db/schema";
import { parseEnv } from "@/server/env";
import { hashPassword } from "@/server/users/password";
import { useTestDatabase } from "@/test/db";
import { developmentEnv } from "@/test/env";
import { authTestClient } from "./auth-test-client";
import { buildAuthOptions } from "./options";

const t = useTestDatabase();
vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
/** A second app instance: its own pool on the same database. */
let second: Db;
beforeAll(() => {
  second = createDb(t.url, { max: 2 });
});
afterAll(() => second.$client.end());
afterEach(() => vi.useRealTimers());

const instance = (db: () => Db) => buildAuthOptions(parseEnv(developmentEnv), db);
const PASSWORD = "kept in a safe place";

async function shopper(email: string) {
  await t.db.insert(users).values({ email, name: "Pat", passwordHash: await hashPassword(PASSWORD) });
}

function travel(ms: number) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + ms);
}

describe("sign-in limits", () => {
  it("answers the eleventh wrong password 429 even from a new IP and another instance, refuses the right one during the lockout, and lets it in after", async () => {
    await shopper("locked@shop.test");
    const instances = [instance(() => t.db), instance(() => second)];
    for (let i = 0; i < 10; i++) {
      const response = await authTestClient(instances[i % 2]!, { ip: `198.51.100.${i}` }).signInWithPassword("locked@shop.test", `wrong guess ${i}`);
      expect(response.status).toBe(401);
    }
    const eleventh = await authTestClient(instances[1]!, { ip: "203.0.113.77" }).signInWithPassword("locked@shop.test", "wrong guess 11");
    expect(eleventh.status).toBe(429);
    expect(eleventh.retryAfter).toBeGreaterThan(14 * 60);
    expect(eleventh.retryAfter).toBeLessThanOrEqual(15 * 60);

    const rightDuringLockout = authTestClient(instances[0]!, { ip: "203.0.113.78" });
    expect((await rightDuringLockout.signInWithPassword("LOCKED@shop.test", PASSWORD)).status).toBe(429);
    expect(rightDuringLockout.jar.has("next-auth.session-token")).toBe(false);

    travel(15 * 60_000 + 1_000);
    const after = authTestClient(instances[0]!, { ip: "203.0.113.78" });
    expect((await after.signInWithPassword("locked@shop.test", PASSWORD)).status).toBe(200);
    expect((await after.session()).user).toMatchObject({ email: "locked@shop.test" });
  });

  it("doubles the lockout the second time in a day", async () => {
    await shopper("twice@shop.test");
    const options = instance(() => t.db);
    const fail = () => authTestClient(options, { ip: "198.51.100.20" }).signInWithPassword("twice@shop.test", "not the password");
    for (let i = 0; i < 10; i++) await fail();
    travel(15 * 60_000 + 1_000);
    for (let i = 0; i < 10; i++) expect((await fail()).status).toBe(401);
    const refused = await fail();
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBeGreaterThan(29 * 60);
  });

  it("gives the points back on a right password: failures must be consecutive", async () => {
    await shopper("forgetful@shop.test");
    const options = instance(() => t.db);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 9; i++) expect((await authTestClient(options).signInWithPassword("forgetful@shop.test", "almost")).status).toBe(401);
      expect((await authTestClient(options).signInWithPassword("forgetful@shop.test", PASSWORD)).status).toBe(200);
    }
  });

  it("limits one IP across accounts", async () => {
    const options = instance(() => t.db);
    const client = () => authTestClient(options, { ip: "192.0.2.200" });
    for (let i = 0; i < 100; i++) expect((await client().signInWithPassword(`nobody-${i}@shop.test`, "guess")).status).toBe(401);
    expect((await client().signInWithPassword("nobody-x@shop.test", "guess")).status).toBe(429);
    expect((await authTestClient(options, { ip: "192.0.2.201" }).signInWithPassword("nobody-x@shop.test", "guess")).status).toBe(401);
  });

  it("keeps a bcrypt hash working and replaces it with argon2id at that sign-in", async () => {
    const [row] = await t.db
      .insert(users)
      .values({ email: "old@shop.test", passwordHash: await bcrypt.hash(PASSWORD, 10) })
      .returning({ id: users.id });
    expect((await authTestClient(instance(() => t.db)).signInWithPassword("old@shop.test", PASSWORD)).status).toBe(200);
    const [after] = await t.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, row!.id));
    expect(after!.hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect((await authTestClient(instance(() => t.db)).signInWithPassword("old@shop.test", PASSWORD)).status).toBe(200);
  });
});
