import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailSuppressions, notificationEvents, notifications, outbox } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { queueNotifications } from "@/server/notifications/queue-notifications";
import { RESEND_WEBHOOK_MAX_BYTES } from "@/server/notifications/receive-resend-webhook";
import { createResendSender } from "@/server/notifications/resend-sender";
import { sendNotification } from "@/server/notifications/send-notification";
import { useTestDatabase } from "@/test/db";
import { startFakeResend, type FakeEmail, type FakeResend } from "@/test/fake-resend";

const t = useTestDatabase();
let POST: (request: Request) => Promise<Response>;
let fake: FakeResend;
let ctx: ServiceContext;
let sequence = 0;

beforeAll(async () => {
  fake = await startFakeResend();
  // The route reads its database and the webhook secret from the environment, as in the app.
  process.env.DATABASE_URL = t.url;
  process.env.NEXTAUTH_SECRET ??= "x".repeat(40);
  process.env.RESEND_WEBHOOK_SECRET = fake.webhookSecret;
  ({ POST } = await import("./route"));
  ctx = { db: t.db, actor: { type: "system", name: "test" }, mail: createResendSender({ apiKey: "re_test", baseUrl: fake.url }) };
});
afterAll(() => fake.close());

const content = { subject: "Your order", html: "<p>Thanks</p>", text: "Thanks" };

/** A message queued to `address` and accepted by the fake Resend. */
async function sentTo(address = `reader-${++sequence}@shop.test`, kind = "order-confirmation") {
  const [queued] = await queueNotifications(ctx, { kind, subjectId: `order-${++sequence}`, recipients: [address] });
  await sendNotification(ctx, { notificationId: queued!.id, content });
  const email = fake.emails.find((e) => e.tags?.some((tag) => tag.value === queued!.id));
  return { id: queued!.id, address, email: email! };
}

function deliver(payload: string, headers: Record<string, string> = fake.sign(payload)) {
  return POST(new Request("http://shop.test/api/webhooks/resend", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: payload }));
}

const event = (type: string, email: FakeEmail, data?: Record<string, unknown>) => JSON.stringify(fake.event(type, email, data));

async function state(id: string) {
  const [row] = await t.db.select({ status: notifications.status }).from(notifications).where(eq(notifications.id, id));
  const timeline = await t.db.select({ status: notificationEvents.status }).from(notificationEvents).where(eq(notificationEvents.notificationId, id)).orderBy(asc(notificationEvents.id));
  return { status: row!.status, timeline: timeline.map((e) => e.status) };
}

const inboxCount = async () => (await t.db.execute<{ n: number }>(sql`select count(*)::int as n from webhook_inbox where source = 'resend'`))[0]!.n;
const suppression = async (address: string) => (await t.db.select().from(emailSuppressions).where(eq(emailSuppressions.address, address)))[0];

describe("POST /api/webhooks/resend", () => {
  it("refuses a missing or wrong signature with 400 and writes nothing", async () => {
    const { id, email } = await sentTo();
    const payload = event("email.bounced", email, { bounce: { type: "Permanent", subType: "General", message: "no such mailbox" } });
    const before = await inboxCount();
    const signed = fake.sign(payload);
    const forged = fake.sign(payload, { secret: `whsec_${Buffer.from("not the secret at all").toString("base64")}` });
    const answers = [
      await deliver(payload, {}),
      await deliver(payload, forged),
      await deliver(payload.replace("no such", "a full"), signed),
      await deliver(payload, { ...signed, "svix-timestamp": String(Number(signed["svix-timestamp"]) - 3600) }),
    ];
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400]);
    expect(await inboxCount()).toBe(before);
    expect(await state(id)).toEqual({ status: "sent", timeline: ["queued", "sent"] });
    expect(await suppression(email.to[0]!)).toBeUndefined();
  });

  it("delivered: the message moves to delivered on its timeline", async () => {
    const { id, email } = await sentTo();
    const answer = await deliver(event("email.delivered", email));
    expect(answer.status).toBe(200);
    expect(await state(id)).toEqual({ status: "delivered", timeline: ["queued", "sent", "delivered"] });
  });

  it("bounced: the address is suppressed and the next send to it is skipped and recorded as such, with nothing announced", async () => {
    const { id, address, email } = await sentTo(`Bouncy-${++sequence}@Shop.test`.toLowerCase());
    expect((await deliver(event("email.bounced", email, { bounce: { type: "Permanent", subType: "General", message: "550 no such user" } }))).status).toBe(200);
    expect(await state(id)).toEqual({ status: "bounced", timeline: ["queued", "sent", "bounced"] });
    expect(await suppression(address)).toMatchObject({ reason: "bounced", notificationId: id, liftedAt: null });

    const outboxBefore = (await t.db.select().from(outbox)).length;
    const [next] = await queueNotifications(ctx, { kind: "back-in-stock", subjectId: "variant-1", recipients: [address.toUpperCase()] });
    expect(next).toMatchObject({ status: "skipped", skipReason: "suppressed", recipient: address });
    expect(await state(next!.id)).toEqual({ status: "skipped", timeline: ["skipped"] });
    expect((await t.db.select().from(outbox)).length).toBe(outboxBefore);
  });

  it("a replayed event changes the message once", async () => {
    const { id, email } = await sentTo();
    const payload = event("email.complained", email);
    const headers = fake.sign(payload);
    const first = await deliver(payload, headers);
    const again = await deliver(payload, headers);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(await again.json()).toMatchObject({ duplicate: true });
    expect(await state(id)).toEqual({ status: "complained", timeline: ["queued", "sent", "complained"] });
    expect(await suppression(email.to[0]!)).toMatchObject({ reason: "complained" });
  });

  it("a transient bounce is recorded but does not suppress the address", async () => {
    const { id, email } = await sentTo();
    await deliver(event("email.bounced", email, { bounce: { type: "Transient", subType: "MailboxFull", message: "mailbox full" } }));
    expect((await state(id)).status).toBe("bounced");
    expect(await suppression(email.to[0]!)).toBeUndefined();
  });

  it("an event that overtakes our record of the send finds the message by the id in its tags", async () => {
    const address = `early-${++sequence}@shop.test`;
    const [queued] = await queueNotifications(ctx, { kind: "order-confirmation", subjectId: `order-${++sequence}`, recipients: [address] });
    const accepted = await ctx.mail!.send({ id: queued!.id, from: "shop@localhost", to: address, ...content, headers: {} });
    const email = fake.emails.find((e) => e.id === accepted.providerMessageId)!;
    await deliver(event("email.delivered", email));
    expect(await sendNotification(ctx, { notificationId: queued!.id, content })).toBe("delivered");
    expect(await state(queued!.id)).toEqual({ status: "delivered", timeline: ["queued", "delivered"] });
  });

  it("refuses a body over the cap with 413, unread", async () => {
    const { email } = await sentTo();
    const before = await inboxCount();
    const payload = event("email.delivered", email, { padding: "x".repeat(RESEND_WEBHOOK_MAX_BYTES) });
    expect((await deliver(payload)).status).toBe(413);
    expect(await inboxCount()).toBe(before);
  });
});
