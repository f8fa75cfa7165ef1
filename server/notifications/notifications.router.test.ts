import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { emailSuppressions } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { clientError } from "../catalog/admin-test-fixtures";
import type { Actor, ServiceContext } from "../context";
import { insertUser, setSigningEnv } from "../orders/test-fixtures";
import { appRouter, createCaller } from "../trpc/root";
import { getMailboxMessage } from "./get-mailbox-message";
import { createMailboxSender } from "./mailbox-sender";
import { listMailbox } from "./list-mailbox";
import { listSuppressions } from "./list-suppressions";
import { queueNotifications } from "./queue-notifications";
import { resendNotification } from "./resend-notification";
import { sendNotification } from "./send-notification";
import { liftSuppression, suppressAddress } from "./suppress-address";

const t = useTestDatabase();
let validInputs: Record<string, () => Promise<unknown>>;
let shopper: Actor;
let admin: Actor;
let messageId: string;
let sequence = 0;

beforeAll(async () => {
  setSigningEnv();
  const [shopperId, adminId] = await Promise.all([insertUser(t.db), insertUser(t.db, "admin")]);
  shopper = { type: "shopper", userId: shopperId };
  admin = { type: "admin", userId: adminId };
  const system: ServiceContext = { db: t.db, actor: { type: "system", name: "test" }, mail: createMailboxSender(t.db) };
  const [queued] = await queueNotifications(system, { kind: "order-confirmation", subjectId: "order-1", recipients: ["reader@shop.test"] });
  messageId = queued!.id;
  await sendNotification(system, { notificationId: messageId, content: { subject: "Thanks", html: "<p>Thanks</p>", text: "Thanks" } });
  validInputs = {
    mailbox: async () => ({}),
    message: async () => ({ notificationId: messageId }),
    suppressions: async () => undefined,
    liftSuppression: async () => {
      const address = `bounced-${++sequence}@shop.test`;
      await suppressAddress(system, { address, reason: "bounced" });
      return { address };
    },
    resend: async () => ({ notificationId: messageId }),
  };
});

const procedureNames = Object.keys(appRouter._def.procedures)
  .filter((path) => path.startsWith("notifications."))
  .map((path) => path.slice("notifications.".length));

async function call(actor: Actor, name: string) {
  const procedures = createCaller({ db: t.db, actor }).notifications as unknown as Record<string, (input: unknown) => Promise<unknown>>;
  const input = validInputs[name];
  if (!input) throw new Error(`give notifications.${name} a valid input in this test`);
  return procedures[name]!(await input());
}

describe("notifications authorisation", () => {
  it("covers the whole router", () => {
    expect(procedureNames.sort()).toEqual(Object.keys(validInputs).sort());
  });

  it.each(procedureNames)("%s: anonymous -> UNAUTHORIZED, shopper -> FORBIDDEN, admin -> ok", async (name) => {
    expect((await clientError(call({ type: "anonymous" }, name))).code).toBe("UNAUTHORIZED");
    expect((await clientError(call(shopper, name))).code).toBe("FORBIDDEN");
    await expect(call(admin, name)).resolves.toBeDefined();
  });

  it("each verb checks the actor itself, whoever calls it", async () => {
    for (const actor of [shopper, { type: "anonymous" } as const]) {
      const ctx: ServiceContext = { db: t.db, actor };
      const kind = actor.type === "anonymous" ? "Unauthenticated" : "Forbidden";
      await expect(listMailbox(ctx, { page: 1, pageSize: 10 })).rejects.toMatchObject({ kind });
      await expect(getMailboxMessage(ctx, { notificationId: messageId })).rejects.toMatchObject({ kind });
      await expect(listSuppressions(ctx)).rejects.toMatchObject({ kind });
      await expect(liftSuppression(ctx, { address: "x@shop.test" })).rejects.toMatchObject({ kind });
      await expect(resendNotification(ctx, { notificationId: messageId })).rejects.toMatchObject({ kind });
    }
  });
});

describe("the mailbox and the suppression list", () => {
  it("lists the stored message and shows its body, headers and timeline", async () => {
    const caller = createCaller({ db: t.db, actor: admin }).notifications;
    const { items } = await caller.mailbox({});
    expect(items.find((m) => m.id === messageId)).toMatchObject({ to: "reader@shop.test", subject: "Thanks", kind: "order-confirmation", status: "sent", stored: true });
    const detail = await caller.message({ notificationId: messageId });
    expect(detail.message).toMatchObject({ html: "<p>Thanks</p>", text: "Thanks", headers: { "X-Emporium-Message-Id": messageId } });
    expect(detail.timeline.map((e) => e.status)).toEqual(["queued", "sent"]);
  });

  it("a lifted address is written to again; a new bounce suppresses it again", async () => {
    const system: ServiceContext = { db: t.db, actor: { type: "system", name: "test" } };
    await suppressAddress(system, { address: "Lifted@Shop.test", reason: "complained" });
    await createCaller({ db: t.db, actor: admin }).notifications.liftSuppression({ address: "lifted@shop.test" });
    const [row] = await t.db.select().from(emailSuppressions).where(eq(emailSuppressions.address, "lifted@shop.test"));
    expect(row).toMatchObject({ liftedBy: (admin as { userId: string }).userId });
    expect((await queueNotifications(system, { kind: "welcome", subjectId: "u-1", recipients: ["lifted@shop.test"] }))[0]).toMatchObject({ status: "queued" });

    await suppressAddress(system, { address: "lifted@shop.test", reason: "bounced" });
    expect((await queueNotifications(system, { kind: "welcome", subjectId: "u-2", recipients: ["lifted@shop.test"] }))[0]).toMatchObject({ status: "skipped" });
  });
});
