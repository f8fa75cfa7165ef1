import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { notifications, userTokens, users } from "@/db/schema";
import { createCaller } from "@/server/trpc/root";
import { useTestDatabase } from "@/test/db";
import { developmentEnv } from "@/test/env";
import { trpcCode } from "@/test/trpc-code";
import { mailFromLedger, tokenFromMailbox } from "./mailbox-token";
import { hashPassword } from "./password";
import { verifyCredentials } from "./verify-credentials";

const t = useTestDatabase();
vi.stubEnv("NEXTAUTH_SECRET", developmentEnv.NEXTAUTH_SECRET);
vi.stubEnv("DATABASE_URL", developmentEnv.DATABASE_URL);
vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
afterEach(() => vi.useRealTimers());

const PASSWORD = "my own long password";
const anonymous = () => createCaller({ db: t.db, actor: { type: "anonymous" } }).users;

async function shopper(email: string) {
  const [row] = await t.db.insert(users).values({ email, name: "Robin", passwordHash: await hashPassword(PASSWORD) }).returning({ id: users.id });
  return { id: row!.id, api: createCaller({ db: t.db, actor: { type: "shopper", userId: row!.id } }).users };
}

const userRow = async (id: string) => (await t.db.select().from(users).where(eq(users.id, id)))[0]!;
const mailsTo = (email: string) => t.db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.recipient, email));

describe("change email", () => {
  it("changes the address only when the link sent to it is opened: verified, sessions ended, old address told", async () => {
    const { id, api } = await shopper("old@shop.test");
    await anonymous().requestPasswordReset({ email: "old@shop.test" });
    expect(await api.requestEmailChange({ newEmail: " New@Shop.test ", password: PASSWORD })).toBeUndefined();
    expect((await userRow(id)).email).toBe("old@shop.test");

    const token = await tokenFromMailbox(t.db, "email-change", "new@shop.test");
    const dump = await t.db.execute<{ row: string }>(sql`select t::text as row from user_tokens t union all select n::text from notifications n`);
    expect(dump.map((r) => r.row).join("\n")).not.toContain(token);
    const [stored] = await t.db.select().from(userTokens).where(eq(userTokens.kind, "email_change"));
    expect(stored!.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(stored!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);

    expect(await anonymous().confirmEmailChange({ token })).toEqual({ email: "new@shop.test" });
    const after = await userRow(id);
    expect(after).toMatchObject({ email: "new@shop.test", sessionVersion: 1 });
    expect(after.emailVerified).toBeInstanceOf(Date);
    expect(await verifyCredentials({ db: t.db, actor: { type: "anonymous" } }, { email: "new@shop.test", password: PASSWORD })).toMatchObject({ id });
    expect(await verifyCredentials({ db: t.db, actor: { type: "anonymous" } }, { email: "old@shop.test", password: PASSWORD })).toBeNull();

    const notice = await mailFromLedger(t.db, "email-changed", "old@shop.test");
    expect(notice.subject).toMatch(/email address was changed/);
    expect(notice.text).toContain("ne•••@shop.test");
    expect(notice.token).toBeNull();
    // Links sent to the old address die with it, and the change link works once.
    expect(await t.db.select().from(userTokens).where(eq(userTokens.userId, id))).toEqual([]);
    expect(await trpcCode(anonymous().confirmEmailChange({ token }))).toBe("BAD_REQUEST");
  });

  it("answers a taken address as a free one; the taken address gets a note without a link and nothing changes", async () => {
    await shopper("holder@shop.test");
    const { id, api } = await shopper("asker@shop.test");
    const free = await api.requestEmailChange({ newEmail: "free@shop.test", password: PASSWORD });
    const taken = await api.requestEmailChange({ newEmail: "holder@shop.test", password: PASSWORD });
    expect(taken).toEqual(free);
    const note = await mailFromLedger(t.db, "email-change", "holder@shop.test");
    expect(note.subject).toMatch(/already has/);
    expect(note.token).toBeNull();
    expect(note.text).not.toContain("asker");
    expect((await userRow(id)).email).toBe("asker@shop.test");
  });

  it("refuses the link when another account took the address in the meantime", async () => {
    const { id, api } = await shopper("slow@shop.test");
    await api.requestEmailChange({ newEmail: "contested@shop.test", password: PASSWORD });
    const token = await tokenFromMailbox(t.db, "email-change", "contested@shop.test");
    await anonymous().signUp({ email: "contested@shop.test", password: "a good long passphrase", name: "Quick" });
    expect(await trpcCode(anonymous().confirmEmailChange({ token }))).toBe("CONFLICT");
    expect(await userRow(id)).toMatchObject({ email: "slow@shop.test", sessionVersion: 0 });
  });

  it("needs the current password, refuses the same address, and sends nothing then", async () => {
    const { api } = await shopper("careful@shop.test");
    expect(await trpcCode(api.requestEmailChange({ newEmail: "elsewhere@shop.test", password: "not my password" }))).toBe("BAD_REQUEST");
    expect(await trpcCode(api.requestEmailChange({ newEmail: "elsewhere@shop.test" }))).toBe("BAD_REQUEST");
    expect(await trpcCode(api.requestEmailChange({ newEmail: "Careful@shop.test", password: PASSWORD }))).toBe("BAD_REQUEST");
    expect(await trpcCode(api.requestEmailChange({ newEmail: "not an email", password: PASSWORD }))).toBe("BAD_REQUEST");
    expect(await mailsTo("elsewhere@shop.test")).toEqual([]);
    expect(await trpcCode(anonymous().requestEmailChange({ newEmail: "elsewhere@shop.test" }))).toBe("UNAUTHORIZED");
  });

  it("kills the first link when a second address is asked for, refuses a link after 60 minutes, and limits requests", async () => {
    const { api } = await shopper("fickle@shop.test");
    await api.requestEmailChange({ newEmail: "first@shop.test", password: PASSWORD });
    const first = await tokenFromMailbox(t.db, "email-change", "first@shop.test");
    await api.requestEmailChange({ newEmail: "second@shop.test", password: PASSWORD });
    const second = await tokenFromMailbox(t.db, "email-change", "second@shop.test");
    expect(await trpcCode(anonymous().confirmEmailChange({ token: first }))).toBe("BAD_REQUEST");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 61 * 60_000);
    expect(await trpcCode(anonymous().confirmEmailChange({ token: second }))).toBe("BAD_REQUEST");
    vi.useRealTimers();
    for (let i = 0; i < 3; i++) await api.requestEmailChange({ newEmail: `again${i}@shop.test`, password: PASSWORD });
    expect(await trpcCode(api.requestEmailChange({ newEmail: "again9@shop.test", password: PASSWORD }))).toBe("TOO_MANY_REQUESTS");
  });
});
