import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { notifications, userTokens, users } from "@/db/schema";
import { createCaller } from "@/server/trpc/root";
import { useTestDatabase } from "@/test/db";
import { trpcCode } from "@/test/trpc-code";
import { developmentEnv } from "@/test/env";
import { tokenFromMailbox as tokenFromLedger } from "./mailbox-token";
import { hashPassword, verifyPassword } from "./password";

const t = useTestDatabase();
vi.stubEnv("NEXTAUTH_SECRET", developmentEnv.NEXTAUTH_SECRET);
vi.stubEnv("DATABASE_URL", developmentEnv.DATABASE_URL);
vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
afterEach(() => vi.useRealTimers());

let ip = 0;
const anonymous = () => createCaller({ db: t.db, actor: { type: "anonymous" }, ip: `10.5.0.${++ip}` });

async function user(email: string) {
  const [row] = await t.db.insert(users).values({ email, name: "Robin", passwordHash: await hashPassword("the old password") }).returning({ id: users.id });
  return row!.id;
}

const tokenFromMailbox = (kind: string, email: string) => tokenFromLedger(t.db, kind, email);

describe("password reset", () => {
  it("emails a single-use link stored only as a hash; the new password works and every session ends", async () => {
    const id = await user("robin@shop.test");
    expect(await anonymous().users.requestPasswordReset({ email: "Robin@Shop.test" })).toBeUndefined();
    const token = await tokenFromMailbox("password-reset", "robin@shop.test");

    const dump = await t.db.execute<{ row: string }>(sql`select t::text as row from user_tokens t union all select n::text from notifications n`);
    expect(dump.map((r) => r.row).join("\n")).not.toContain(token);
    const [stored] = await t.db.select().from(userTokens).where(eq(userTokens.userId, id));
    expect(stored!.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(stored!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);

    expect(await anonymous().users.resetPassword({ token, password: "a fresh long password" })).toEqual({ email: "robin@shop.test" });
    const [after] = await t.db.select().from(users).where(eq(users.id, id));
    expect(await verifyPassword("a fresh long password", after!.passwordHash)).toBe(true);
    expect(after!.sessionVersion).toBe(1);
    expect(after!.emailVerified).not.toBeNull();
    expect(await trpcCode(anonymous().users.resetPassword({ token, password: "yet another password" }))).toBe("BAD_REQUEST");
  });

  it("answers an unknown email exactly as a known one, and sends nothing", async () => {
    await user("known@shop.test");
    const known = await anonymous().users.requestPasswordReset({ email: "known@shop.test" });
    const unknown = await anonymous().users.requestPasswordReset({ email: "stranger@shop.test" });
    expect(unknown).toEqual(known);
    expect(await t.db.select().from(notifications).where(eq(notifications.recipient, "stranger@shop.test"))).toEqual([]);
  });

  it("kills the first link when a second is asked for", async () => {
    await user("twice@shop.test");
    await anonymous().users.requestPasswordReset({ email: "twice@shop.test" });
    const first = await tokenFromMailbox("password-reset", "twice@shop.test");
    await anonymous().users.requestPasswordReset({ email: "twice@shop.test" });
    const second = await tokenFromMailbox("password-reset", "twice@shop.test");
    expect(second).not.toBe(first);
    expect(await trpcCode(anonymous().users.resetPassword({ token: first, password: "a fresh long password" }))).toBe("BAD_REQUEST");
    expect(await trpcCode(anonymous().users.resetPassword({ token: second, password: "a fresh long password" }))).toBe("OK");
  });

  it("refuses a link after 60 minutes", async () => {
    await user("late@shop.test");
    await anonymous().users.requestPasswordReset({ email: "late@shop.test" });
    const token = await tokenFromMailbox("password-reset", "late@shop.test");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 61 * 60_000);
    expect(await trpcCode(anonymous().users.resetPassword({ token, password: "a fresh long password" }))).toBe("BAD_REQUEST");
  });

  it("kills an outstanding link when the password is changed", async () => {
    const id = await user("changer@shop.test");
    await anonymous().users.requestPasswordReset({ email: "changer@shop.test" });
    const token = await tokenFromMailbox("password-reset", "changer@shop.test");
    await createCaller({ db: t.db, actor: { type: "shopper", userId: id } }).users.changePassword({ currentPassword: "the old password", newPassword: "a changed passphrase" });
    expect(await trpcCode(anonymous().users.resetPassword({ token, password: "a fresh long password" }))).toBe("BAD_REQUEST");
  });

  it("refuses a forged or tampered token without touching the account", async () => {
    await user("forged@shop.test");
    await anonymous().users.requestPasswordReset({ email: "forged@shop.test" });
    const token = await tokenFromMailbox("password-reset", "forged@shop.test");
    for (const bad of [`${token}x`, token.replace(/^[^.]+/, "00000000-0000-0000-0000-000000000000"), "garbage"]) {
      expect(await trpcCode(anonymous().users.resetPassword({ token: bad, password: "a fresh long password" }))).toBe("BAD_REQUEST");
    }
    expect(await trpcCode(anonymous().users.resetPassword({ token, password: "a fresh long password" }))).toBe("OK");
  });

  it("limits requests to three an hour per address, known or not", async () => {
    for (const email of ["limited@shop.test", "nobody-limited@shop.test"]) {
      if (email.startsWith("limited")) await user(email);
      for (let i = 0; i < 3; i++) expect(await trpcCode(anonymous().users.requestPasswordReset({ email }))).toBe("OK");
      expect(await trpcCode(anonymous().users.requestPasswordReset({ email }))).toBe("TOO_MANY_REQUESTS");
    }
  });
});

describe("email verification", () => {
  it("sends a link at sign-up that verifies the address once", async () => {
    const { id } = await anonymous().users.signUp({ email: "new@shop.test", password: "a good long passphrase", name: "New" });
    const token = await tokenFromMailbox("email-verification", "new@shop.test");
    expect(await anonymous().users.verifyEmail({ token })).toBeUndefined();
    const [row] = await t.db.select({ at: users.emailVerified }).from(users).where(eq(users.id, id));
    expect(row!.at).toBeInstanceOf(Date);
    expect(await trpcCode(anonymous().users.verifyEmail({ token }))).toBe("BAD_REQUEST");
  });

  it("resends on request three times an hour, only to an unverified shopper", async () => {
    const { id } = await anonymous().users.signUp({ email: "again@shop.test", password: "a good long passphrase", name: "Again" });
    const me = createCaller({ db: t.db, actor: { type: "shopper", userId: id } });
    for (let i = 0; i < 3; i++) await me.users.resendVerification();
    expect(await trpcCode(me.users.resendVerification())).toBe("TOO_MANY_REQUESTS");
    expect(await trpcCode(anonymous().users.resendVerification())).toBe("UNAUTHORIZED");
  });
});
