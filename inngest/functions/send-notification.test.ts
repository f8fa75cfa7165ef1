import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { notificationEvents, notifications } from "@/db/schema";
import { insertOrder, insertVariant } from "@/server/orders/test-fixtures";
import type { MailSender } from "@/server/notifications/mail-sender";
import { queueNotifications } from "@/server/notifications/queue-notifications";
import { createResendSender } from "@/server/notifications/resend-sender";
import { useTestDatabase } from "@/test/db";
import { startFakeResend, type FakeResend } from "@/test/fake-resend";
import { InProcessRunner } from "../runner";
import type { FunctionDeps } from "./order-state";
import { sendNotificationFunction } from "./send-notification";

const t = useTestDatabase();
let fake: FakeResend;
let variantId: number;

beforeAll(async () => {
  process.env.DATABASE_URL = t.url;
  process.env.NEXTAUTH_SECRET ??= "x".repeat(40);
  fake = await startFakeResend();
  ({ variantId } = await insertVariant(t.db));
});
afterAll(() => fake.close());
beforeEach(() => fake.fail(0));

/** Resend through the real SDK against the fake, with the process "dying" after the provider accepted, `crashes` times. */
function crashingAfterSend(crashes: number): MailSender {
  const resend = createResendSender({ apiKey: "re_test", baseUrl: fake.url });
  let left = crashes;
  return {
    name: "resend",
    async send(message) {
      const accepted = await resend.send(message);
      if (left-- > 0) throw new Error("the process died before recording the send");
      return accepted;
    },
  };
}

/** Queues an order confirmation and runs send-notification on it with `attempts` tries of the send step. */
async function sendOnce(mail: MailSender, attempts: number) {
  const order = await insertOrder(t.db, { variantId, status: "paid", paymentStatus: "succeeded", payment: "succeeded" });
  const [queued] = await queueNotifications({ db: t.db, actor: { type: "system", name: "test" } }, { kind: "order-confirmation", subjectId: order.id, recipients: [`Buyer-${order.number}@Shop.test`] });
  const deps: FunctionDeps = { context: (job) => ({ db: t.db, actor: { type: "system", name: job }, mail }) };
  const runner = new InProcessRunner([sendNotificationFunction(deps)], { attempts, backoffMs: () => 0 });
  await runner.emit({ name: "shop/notification.queued", data: { notificationId: queued!.id } });
  await runner.idle();
  const [row] = await t.db.select().from(notifications).where(eq(notifications.id, queued!.id));
  const timeline = await t.db.select().from(notificationEvents).where(eq(notificationEvents.notificationId, queued!.id)).orderBy(asc(notificationEvents.id));
  return { row: row!, timeline, runs: runner.runs };
}

describe("send-notification", () => {
  it("a crash after Resend accepted, then five retries: Resend received one message, and it is recorded sent once", async () => {
    const before = fake.emails.length;
    const { row, timeline } = await sendOnce(crashingAfterSend(5), 6);
    const posts = fake.requests.filter((r) => r.idempotencyKey === row.id);
    expect(posts).toHaveLength(6);
    expect(fake.emails.length - before).toBe(1);
    const [email] = fake.emails.slice(before);
    expect(email).toMatchObject({ to: [row.recipient], subject: row.subject, tags: [{ name: "message_id", value: row.id }] });
    expect(row).toMatchObject({ status: "sent", providerMessageId: email!.id });
    expect(row.recipient).toMatch(/^buyer-\d+@shop\.test$/);
    expect(timeline.map((e) => e.status)).toEqual(["queued", "sent"]);
  });

  it("Resend down past every retry: the message is recorded failed with the last error, and nothing was sent", async () => {
    fake.fail();
    const before = fake.emails.length;
    const { row, timeline, runs } = await sendOnce(createResendSender({ apiKey: "re_test", baseUrl: fake.url }), 3);
    expect(fake.emails.length).toBe(before);
    expect(row.status).toBe("failed");
    expect(timeline.map((e) => e.status)).toEqual(["queued", "failed"]);
    expect(timeline[1]!.detail).toMatch(/Resend 500/);
    expect(runs[0]).toMatchObject({ status: "completed", output: "failed" });
  });

  it("a message Resend refuses for good is failed at once, without retries", async () => {
    const refusing: MailSender = { ...createResendSender({ apiKey: "re_test", baseUrl: fake.url }) };
    const resend = createResendSender({ apiKey: "re_test", baseUrl: fake.url });
    refusing.send = (message) => resend.send({ ...message, subject: "" });
    const before = fake.requests.length;
    const { row, timeline } = await sendOnce(refusing, 3);
    expect(fake.requests.length - before).toBe(1);
    expect(row.status).toBe("failed");
    expect(timeline[1]!.detail).toMatch(/Resend 422: validation_error/);
  });
});
