import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { notifications } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import type { ServiceContext } from "../context";
import { insertUser, setSigningEnv } from "../orders/test-fixtures";
import { createMailboxSender } from "./mailbox-sender";
import { queueNotifications } from "./queue-notifications";
import { resendNotification } from "./resend-notification";
import { sendNotification } from "./send-notification";

const t = useTestDatabase();
let system: ServiceContext;
let admin: ServiceContext;

beforeAll(async () => {
  setSigningEnv();
  system = { db: t.db, actor: { type: "system", name: "test" }, mail: createMailboxSender(t.db) };
  admin = { ...system, actor: { type: "admin", userId: await insertUser(t.db, "admin") } };
});

describe("resendNotification", () => {
  it("queues a new message linked to the first, sent under its own id; a redelivered event still finds the first", async () => {
    const [first] = await queueNotifications(system, { kind: "order-confirmation", subjectId: "order-resend", recipients: ["again@shop.test"] });
    await sendNotification(system, { notificationId: first!.id, content: { subject: "s", html: "h", text: "t" } });

    const resent = await resendNotification(admin, { notificationId: first!.id });
    expect(resent).toMatchObject({ status: "queued" });
    expect(resent.id).not.toBe(first!.id);
    const [row] = await t.db.select().from(notifications).where(eq(notifications.id, resent.id));
    expect(row).toMatchObject({ resendOf: first!.id, kind: "order-confirmation", subjectId: "order-resend", recipient: "again@shop.test" });
    expect(await sendNotification(system, { notificationId: resent.id, content: { subject: "s", html: "h", text: "t" } })).toBe("sent");

    const [again] = await queueNotifications(system, { kind: "order-confirmation", subjectId: "order-resend", recipients: ["again@shop.test"] });
    expect(again!.id).toBe(first!.id);
    await expect(resendNotification(admin, { notificationId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ kind: "NotFound" });
  });
});
