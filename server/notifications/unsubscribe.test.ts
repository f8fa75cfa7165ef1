import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { notificationPreferences, users } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { clientError } from "../catalog/admin-test-fixtures";
import type { ServiceContext } from "../context";
import { insertUser, setSigningEnv } from "../orders/test-fixtures";
import { createCaller } from "../trpc/root";
import { mayReceive } from "./may-receive";
import { createMailboxSender } from "./mailbox-sender";
import { queueNotifications } from "./queue-notifications";
import { sendNotification } from "./send-notification";
import { readUnsubscribeToken, unsubscribeToken, unsubscribeUrlFor } from "./unsubscribe-link";

const t = useTestDatabase();
const anonymous = () => createCaller({ db: t.db, actor: { type: "anonymous" } }).preferences;
let userId: string;
let email: string;

beforeAll(async () => {
  setSigningEnv();
  userId = await insertUser(t.db);
  [{ email }] = (await t.db.select({ email: users.email }).from(users).where(eq(users.id, userId))) as [{ email: string }];
});

describe("unsubscribe links", () => {
  it("work without a session once, and a second use says it is done and changes nothing", async () => {
    const url = await unsubscribeUrlFor({ db: t.db, actor: { type: "system", name: "test" } }, { kind: "shipped", recipient: email });
    const token = new URL(url!).searchParams.get("token")!;
    expect(await anonymous().unsubscribeStatus({ token })).toEqual({ category: "shipping-updates", subscribed: true });

    expect(await anonymous().unsubscribe({ token })).toEqual({ category: "shipping-updates", result: "unsubscribed" });
    const after = await t.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
    expect(after).toEqual([expect.objectContaining({ category: "shipping-updates", channel: "email", enabled: false })]);

    expect(await anonymous().unsubscribe({ token })).toEqual({ category: "shipping-updates", result: "already" });
    expect(await t.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId))).toEqual(after);
    expect(await anonymous().unsubscribeStatus({ token })).toEqual({ category: "shipping-updates", subscribed: false });
  });

  it("an address without an account is unsubscribed by address; SMS choices are untouched", async () => {
    const token = unsubscribeToken({ category: "back-in-stock", address: "guest@shop.test" });
    expect(await anonymous().unsubscribe({ token })).toEqual({ category: "back-in-stock", result: "already" });
    const system: ServiceContext = { db: t.db, actor: { type: "system", name: "test" } };
    expect(await mayReceive(system, { address: "guest@shop.test", category: "back-in-stock", channel: "email" })).toBe(false);
    expect(await mayReceive(system, { address: "guest@shop.test", category: "shipping-updates", channel: "email" })).toBe(true);
    const marketing = unsubscribeToken({ category: "marketing", address: "optin@shop.test" });
    expect(readUnsubscribeToken(marketing)).toEqual({ category: "marketing", address: "optin@shop.test" });
  });

  it("a tampered or foreign token is refused", async () => {
    const token = unsubscribeToken({ category: "marketing", userId });
    for (const bad of [`${token.slice(0, -2)}xx`, token.replace("marketing", "order-updates"), "nonsense"]) {
      expect((await clientError(anonymous().unsubscribe({ token: bad }))).code).toBe("BAD_REQUEST");
    }
  });

  it("transactional mail carries no unsubscribe; other mail carries the link and the one-click headers", async () => {
    const system: ServiceContext = { db: t.db, actor: { type: "system", name: "test" } };
    expect(await unsubscribeUrlFor(system, { kind: "order-confirmation", recipient: email })).toBeNull();
    expect(await unsubscribeUrlFor(system, { kind: "admin-new-order", recipient: email })).toBeNull();
    const sent: Record<string, string>[] = [];
    const mailbox = createMailboxSender(t.db);
    const ctx: ServiceContext = { ...system, mail: { name: "mailbox", send: (m) => (sent.push(m.headers), mailbox.send(m)) } };
    const [welcomeBack] = await queueNotifications(ctx, { kind: "back-in-stock", subjectId: "variant-1", recipients: ["reader@shop.test"] });
    expect(welcomeBack).toMatchObject({ status: "skipped", skipReason: "preference" });
    const [confirmation] = await queueNotifications(ctx, { kind: "order-confirmation", subjectId: "order-h", recipients: ["reader@shop.test"] });
    const [delivered] = await queueNotifications(ctx, { kind: "delivered", subjectId: "order-h", recipients: ["reader@shop.test"] });
    const content = { subject: "s", html: "<p>h</p>", text: "t" };
    await sendNotification(ctx, { notificationId: confirmation!.id, content });
    await sendNotification(ctx, { notificationId: delivered!.id, content });
    expect(sent[0]).not.toHaveProperty("List-Unsubscribe");
    expect(sent[1]).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click", "X-Emporium-Message-Id": delivered!.id });
    expect(sent[1]!["List-Unsubscribe"]).toMatch(/^<http.*\/unsubscribe\?token=.+>$/);
  });
});
