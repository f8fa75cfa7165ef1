import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { mailboxMessages, notificationEvents, notifications } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import type { ServiceContext } from "../context";
import { insertUser, setSigningEnv } from "../orders/test-fixtures";
import { createMailboxSender } from "./mailbox-sender";
import { queueNotifications } from "./queue-notifications";
import { sendNotification } from "./send-notification";
import { suppressAddress } from "./suppress-address";
import { updatePreferences } from "./update-preferences";
import { users } from "@/db/schema";

const t = useTestDatabase();
const content = { subject: "Hello", html: "<p>Hello</p>", text: "Hello" };
let ctx: ServiceContext;

beforeAll(() => {
  setSigningEnv();
  ctx = { db: t.db, actor: { type: "system", name: "test" }, mail: createMailboxSender(t.db) };
});

describe("sendNotification checks again just before sending", () => {
  it("an address suppressed after the message was queued: skipped, nothing sent", async () => {
    const [queued] = await queueNotifications(ctx, { kind: "order-confirmation", subjectId: "order-late-bounce", recipients: ["late@shop.test"] });
    await suppressAddress(ctx, { address: "late@shop.test", reason: "bounced" });
    expect(await sendNotification(ctx, { notificationId: queued!.id, content })).toBe("skipped");
    const [row] = await t.db.select().from(notifications).where(eq(notifications.id, queued!.id));
    expect(row).toMatchObject({ status: "skipped", skipReason: "suppressed" });
    expect(await t.db.select().from(mailboxMessages).where(eq(mailboxMessages.id, queued!.id))).toEqual([]);
    const timeline = await t.db.select().from(notificationEvents).where(eq(notificationEvents.notificationId, queued!.id));
    expect(timeline.map((e) => e.status)).toEqual(["queued", "skipped"]);
  });

  it("a category switched off after the message was queued: skipped for preference", async () => {
    const userId = await insertUser(t.db);
    const [{ email }] = (await t.db.select({ email: users.email }).from(users).where(eq(users.id, userId))) as [{ email: string }];
    const [queued] = await queueNotifications(ctx, { kind: "delivered", subjectId: "order-late-opt-out", recipients: [email] });
    await updatePreferences({ db: t.db, actor: { type: "shopper", userId } }, { changes: [{ category: "shipping-updates", channel: "email", enabled: false }] });
    expect(await sendNotification(ctx, { notificationId: queued!.id, content })).toBe("skipped");
    const [row] = await t.db.select().from(notifications).where(eq(notifications.id, queued!.id));
    expect(row).toMatchObject({ status: "skipped", skipReason: "preference" });
  });
});
