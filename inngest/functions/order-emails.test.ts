import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { formatMoney } from "@/emails/_lib/format";
import { mailboxMessages, notificationEvents, notifications, orderLines, orders, users } from "@/db/schema";
import { tokenOpensOrder } from "@/server/orders/order-link";
import { refundOrder } from "@/server/orders/refund-order";
import { insertOrder, insertUser, insertVariant } from "@/server/orders/test-fixtures";
import type { ServiceContext } from "@/server/context";
import { outboxEvents } from "@/server/events/test-outbox";
import { createSimulatorProvider } from "@/server/payments/simulator-provider";
import { useTestDatabase } from "@/test/db";
import { replayHandler } from "../replay-test-kit";
import { notifyOrderPaid } from "./notify-order-paid";
import { notifyPaymentFailed } from "./notify-payment-failed";
import type { FunctionDeps } from "./order-state";
import { checkout, useShopRunner, reportPayment, scriptedStep, stockedVariant } from "./saga-test-kit";
import { runSendNotification } from "./send-notification";

const t = useTestDatabase({ max: 20 });
const simulator = createSimulatorProvider();

const runner = useShopRunner(t, simulator);

/** The messages the dev mailbox holds for an order, with their ledger rows. */
async function mailFor(orderId: string, kind?: string) {
  return t.db
    .select({ id: notifications.id, kind: notifications.kind, status: notifications.status, to: mailboxMessages.to, subject: mailboxMessages.subject, html: mailboxMessages.html, text: mailboxMessages.text })
    .from(notifications)
    .innerJoin(mailboxMessages, eq(mailboxMessages.id, notifications.id))
    .where(and(eq(notifications.subjectId, orderId), kind ? eq(notifications.kind, kind) : undefined))
    .orderBy(asc(notifications.createdAt));
}

describe("order emails on the in-process runner, through the whole saga", () => {
  it("a paid order puts exactly one confirmation in the mailbox, with its lines and totals", async () => {
    const variantId = await stockedVariant(t.db, runner.shop, { east: 5, west: 0 });
    const { orderId } = await checkout(t.db, simulator, { variantId, quantity: 2 });
    await runner.kit.settled();
    await reportPayment(t.db, orderId, "succeeded");
    await runner.kit.idle();
    // The event again, as a redelivery after a lost acknowledgement would bring it.
    await runner.kit.runner.emit({ name: "shop/order.paid", data: { orderId } });
    await runner.kit.idle();

    const mail = await mailFor(orderId, "order-confirmation");
    expect(mail).toHaveLength(1);
    const [order] = await t.db.select().from(orders).where(eq(orders.id, orderId));
    const [line] = await t.db.select().from(orderLines).where(eq(orderLines.orderId, orderId));
    const [confirmation] = mail;
    expect(confirmation).toMatchObject({ to: order!.email, status: "sent", subject: expect.stringContaining(`#${order!.number}`) });
    for (const body of [confirmation!.html, confirmation!.text]) {
      expect(body).toMatch(new RegExp(`${line!.quantity}(<!-- -->)? × (<!-- -->)?${line!.productTitle}`));
      for (const amount of [line!.lineAmount, order!.subtotalAmount, order!.totalAmount]) expect(body).toContain(formatMoney(amount, order!.currency));
      expect(body).toContain(order!.shippingAmount === 0 ? "Free" : formatMoney(order!.shippingAmount, order!.currency));
      expect(body).toContain("Ground shipping");
    }
    const timeline = await t.db.select({ status: notificationEvents.status }).from(notificationEvents).where(eq(notificationEvents.notificationId, confirmation!.id));
    expect(timeline.map((e) => e.status)).toEqual(["queued", "sent"]);
    expect(runner.kit.failed).toEqual([]);
  });

  it("a decline mails the payment-failed email once, with a pay link that opens this order until the hold ends", async () => {
    const variantId = await stockedVariant(t.db, runner.shop, { east: 2, west: 0 });
    const { orderId } = await checkout(t.db, simulator, { variantId, quantity: 1 });
    await reportPayment(t.db, orderId, "failed");
    await runner.kit.settled();
    await reportPayment(t.db, orderId, "failed");
    await runner.kit.settled();

    const mail = await mailFor(orderId, "payment-failed");
    expect(mail).toHaveLength(1);
    const link = /href="([^"]*\/pay\/[^"]+)"/.exec(mail[0]!.html)?.[1]?.replaceAll("&amp;", "&");
    expect(link).toBeDefined();
    const url = new URL(link!);
    expect(url.pathname).toBe(`/pay/${orderId}`);
    expect(tokenOpensOrder(url.searchParams.get("token") ?? undefined, orderId)).toBe(true);
  });

  it("a decline and no other card: at expiry the cancellation is mailed after the payment-failed email", async () => {
    const variantId = await stockedVariant(t.db, runner.shop, { east: 1, west: 0 });
    const { orderId } = await checkout(t.db, simulator, { variantId, quantity: 1 }, 400);
    await reportPayment(t.db, orderId, "failed");
    await runner.kit.idle();

    expect((await mailFor(orderId)).map((m) => m.kind)).toEqual(["payment-failed", "order-cancelled"]);
    expect(runner.kit.failed).toEqual([]);
  });
});

describe("admin alert and refunds", () => {
  it("a placed order alerts every admin once; each refund mails the shopper its amount", async () => {
    const [adminId] = await Promise.all([insertUser(t.db, "admin"), insertUser(t.db, "admin")]);
    const admins = await t.db.select({ email: users.email }).from(users).where(eq(users.role, "admin"));
    const variantId = await stockedVariant(t.db, runner.shop, { east: 3, west: 0 });
    const { orderId } = await checkout(t.db, simulator, { variantId, quantity: 2 });
    await runner.kit.settled();
    await reportPayment(t.db, orderId, "succeeded");
    await runner.kit.idle();

    const alerts = await mailFor(orderId, "admin-new-order");
    expect(alerts.map((m) => m.to).sort()).toEqual(admins.map((a) => a.email.toLowerCase()).sort());
    expect(alerts[0]!.html).toContain(`/admin/orders/${orderId}`);

    const admin: ServiceContext = { db: t.db, actor: { type: "admin", userId: adminId }, payments: simulator };
    const [order] = await t.db.select().from(orders).where(eq(orders.id, orderId));
    await refundOrder(admin, { orderId, refundId: crypto.randomUUID(), amount: 500, notifyCustomer: true });
    await refundOrder(admin, { orderId, refundId: crypto.randomUUID(), amount: order!.totalAmount - 500, notifyCustomer: true });
    await runner.kit.idle();

    const refundMail = await t.db
      .select({ subject: mailboxMessages.subject, text: mailboxMessages.text })
      .from(notifications)
      .innerJoin(mailboxMessages, eq(mailboxMessages.id, notifications.id))
      .where(and(eq(notifications.kind, "refund-issued"), eq(mailboxMessages.to, order!.email)))
      .orderBy(asc(notifications.createdAt));
    expect(refundMail.map((m) => m.subject)).toEqual([
      expect.stringContaining(formatMoney(500, order!.currency)),
      expect.stringContaining(formatMoney(order!.totalAmount - 500, order!.currency)),
    ]);
    expect(runner.kit.failed).toEqual([]);
  });
});

describe("the same handlers through the step interface Inngest gives them", () => {
  it("order paid → one queued confirmation → sent once, each step performed once however often the handler replays", async () => {
    const { variantId } = await insertVariant(t.db);
    const { id: orderId } = await insertOrder(t.db, { variantId, status: "paid", paymentStatus: "succeeded", payment: "succeeded" });
    const deps: FunctionDeps = { context: (job) => ({ db: t.db, actor: { type: "system", name: job } }) };

    const queue = scriptedStep();
    const queued = await replayHandler((step) => notifyOrderPaid(deps).handler({ event: { name: "shop/order.paid", data: { orderId }, id: "evt-1" }, step }), queue.step);
    expect(queue.ids).toEqual(["queue-order-confirmation"]);
    const [notification] = queued.output as { id: string; status: string }[];
    expect(notification).toMatchObject({ status: "queued" });

    const send = scriptedStep();
    const sent = await replayHandler((step) => runSendNotification({ event: { name: "shop/notification.queued", data: { notificationId: notification!.id } }, step }, deps), send.step);
    expect(sent.output).toBe("sent");
    expect(send.ids).toEqual(["render-email", "send-email"]);
    expect(sent.performed).toEqual(["render-email", "send-email"]);

    const again = await replayHandler((step) => notifyOrderPaid(deps).handler({ event: { name: "shop/order.paid", data: { orderId }, id: "evt-2" }, step }), scriptedStep().step);
    expect((again.output as { id: string }[])[0]!.id).toBe(notification!.id);
    expect(await mailFor(orderId)).toHaveLength(1);
  });

  it("a decline read after another card paid the order is recorded skipped as outdated, and nothing is sent", async () => {
    const { variantId } = await insertVariant(t.db);
    const { id: orderId } = await insertOrder(t.db, { variantId, status: "paid", paymentStatus: "succeeded", payment: "succeeded" });
    const deps: FunctionDeps = { context: (job) => ({ db: t.db, actor: { type: "system", name: job } }) };
    const event = { name: "shop/payment.failed", data: { orderId, paymentIntentId: "pi_1", reason: "card_declined" }, id: "evt-3" };
    const run = await replayHandler((step) => notifyPaymentFailed(deps).handler({ event, step }), scriptedStep().step);
    expect(run.output).toEqual([expect.objectContaining({ status: "skipped", skipReason: "outdated" })]);
    expect(await outboxEvents(t.db)).not.toContainEqual(expect.objectContaining({ data: { notificationId: (run.output as { id: string }[])[0]!.id } }));
  });
});
