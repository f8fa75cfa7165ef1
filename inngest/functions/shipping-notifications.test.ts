import { randomUUID } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mailboxMessages, notifications, orders, pushSubscriptions } from "@/db/schema";
import { insertCart } from "@/server/checkout/checkout-test-fixtures";
import { createOrderFromCart } from "@/server/checkout/create-order-from-cart";
import type { ServiceContext } from "@/server/context";
import type { ShopEventName } from "@/server/events/schemas";
import { writeEvent } from "@/server/events/write-event";
import { listOrderMessages } from "@/server/notifications/list-order-messages";
import { mayReceive } from "@/server/notifications/may-receive";
import { unsubscribe } from "@/server/notifications/unsubscribe";
import { updatePreferences } from "@/server/notifications/update-preferences";
import { createSimulatorProvider } from "@/server/payments/simulator-provider";
import { startPayment } from "@/server/payments/start-payment";
import { useTestDatabase } from "@/test/db";
import { checkout, useShopRunner, reportPayment, stockedVariant } from "./saga-test-kit";
import { createCarrierSimulator } from "@/server/shipping/carrier-simulator";

const t = useTestDatabase({ max: 20 });
const simulator = createSimulatorProvider();

const runner = useShopRunner(t, simulator);

const PHONE = "+44 7700 900123";

/** A shopper's order, paid through the checkout and the payment webhook, with a phone on its address and a browser subscribed to push. */
async function paidShopperOrder() {
  const variantId = await stockedVariant(t.db, runner.shop, { east: 3, west: 0 });
  const { orderId } = await checkout(t.db, simulator, { variantId, quantity: 2 });
  await runner.kit.settled();
  await reportPayment(t.db, orderId, "succeeded");
  await t.db.update(orders).set({ shippingAddress: sql`${orders.shippingAddress} || ${JSON.stringify({ phone: PHONE })}::jsonb` }).where(eq(orders.id, orderId));
  const [order] = await t.db.select().from(orders).where(eq(orders.id, orderId));
  await t.db.insert(pushSubscriptions).values({ userId: order!.userId!, endpoint: `https://push.example/${randomUUID()}`, p256dh: "p256dh", auth: "auth" });
  await runner.kit.idle();
  return order!;
}

/** A guest's order, paid the same way, with a phone on its address too. */
async function paidGuestOrder() {
  const variantId = await stockedVariant(t.db, runner.shop, { east: 1, west: 0 });
  const cartId = await insertCart(t.db, { lines: [{ variantId, quantity: 1 }] });
  const guest: ServiceContext = { db: t.db, actor: { type: "anonymous" }, guestCartId: cartId, payments: simulator, carrier: createCarrierSimulator() };
  const { orderId } = await createOrderFromCart(guest, { cartId, reservationTtlMs: 15 * 60_000 });
  await startPayment(guest, { orderId });
  await reportPayment(t.db, orderId, "succeeded");
  await t.db.update(orders).set({ shippingAddress: sql`${orders.shippingAddress} || ${JSON.stringify({ phone: PHONE })}::jsonb` }).where(eq(orders.id, orderId));
  await runner.kit.idle();
  const [order] = await t.db.select().from(orders).where(eq(orders.id, orderId));
  return order!;
}

/** The shipping domain's announcement of a milestone, written to the outbox as its verb will, and everything it sets off run. */
async function announce(name: Extract<ShopEventName, `shop/shipment.${string}`>, orderId: string, shipmentId: string, extra: { detail?: string } = {}) {
  const data = {
    orderId,
    shipmentId,
    carrier: "USPS",
    service: "Priority",
    trackingCode: "9400100000000000000001",
    trackingUrl: "https://track.example/9400100000000000000001",
    occurredAt: "2026-12-04T09:30:00Z",
    estimatedDeliveryDate: "2026-12-06T12:00:00Z",
    ...extra,
  };
  await t.db.transaction((tx) => writeEvent({ db: tx, actor: { type: "system", name: "shipping-test" }, inTransaction: true }, { name, data }));
  await runner.kit.idle();
}

/** The ledger rows of a shipment's messages, with what the dev mailbox holds for each one sent. */
async function messagesOf(shipmentId: string, kind?: string) {
  return t.db
    .select({
      kind: notifications.kind,
      channel: notifications.channel,
      recipient: notifications.recipient,
      status: notifications.status,
      skipReason: notifications.skipReason,
      to: mailboxMessages.to,
      subject: mailboxMessages.subject,
      html: mailboxMessages.html,
      text: mailboxMessages.text,
      headers: mailboxMessages.headers,
    })
    .from(notifications)
    .leftJoin(mailboxMessages, eq(mailboxMessages.id, notifications.id))
    .where(and(eq(notifications.subjectId, shipmentId), kind ? eq(notifications.kind, kind) : undefined))
    .orderBy(asc(notifications.channel));
}

describe("shipping milestones on the in-process runner", () => {
  it("shipped: one email, one SMS and one push; the same event again sends nothing more", async () => {
    const order = await paidShopperOrder();
    const shipmentId = randomUUID();
    await announce("shop/shipment.shipped", order.id, shipmentId);
    await announce("shop/shipment.shipped", order.id, shipmentId);

    const messages = await messagesOf(shipmentId);
    expect(messages.map((m) => [m.channel, m.recipient, m.status])).toEqual([
      ["email", order.email, "sent"],
      ["sms", "+447700900123", "sent"],
      ["push", order.userId, "sent"],
    ]);
    const [email, sms, push] = messages;
    expect(email!.subject).toBe(`Order #${order.number} is on its way`);
    for (const body of [email!.html, email!.text]) {
      expect(body).toContain("9400100000000000000001");
      expect(body).toContain("https://track.example/9400100000000000000001");
      expect(body).toContain(order.shippingAddress.postalCode);
      expect(body).toMatch(/2(<!-- -->)? × /);
    }
    expect(email!.headers!["List-Unsubscribe"]).toMatch(/^<http:\/\/localhost:3000\/unsubscribe\?token=.+>$/);
    expect(sms!.text).toBe(`Emporium: Order #${order.number} shipped. Your parcel is on its way. http://localhost:3000/orders/${order.id}`);
    expect(JSON.parse(push!.text!)).toEqual({ title: `Order #${order.number} shipped`, body: "Your parcel is on its way.", url: `http://localhost:3000/orders/${order.id}` });

    const onOrderPage = await listOrderMessages({ db: t.db, actor: { type: "system", name: "test" } }, { orderId: order.id, audience: "shopper" });
    expect(onOrderPage.filter((m) => m.kind === "shipped").map((m) => m.channel).sort()).toEqual(["email", "push", "sms"]);
    expect(runner.kit.failed).toEqual([]);
  });

  it("a shopper who switched shipping updates by SMS off gets the next milestone by email and push; the SMS is skipped for preference", async () => {
    const order = await paidShopperOrder();
    const shipmentId = randomUUID();
    await announce("shop/shipment.shipped", order.id, shipmentId);
    const shopper: ServiceContext = { db: t.db, actor: { type: "shopper", userId: order.userId! } };
    await updatePreferences(shopper, { changes: [{ category: "shipping-updates", channel: "sms", enabled: false }] });

    await announce("shop/shipment.out-for-delivery", order.id, shipmentId);
    const messages = await messagesOf(shipmentId, "out-for-delivery");
    expect(messages.map((m) => [m.channel, m.status, m.skipReason])).toEqual([
      ["email", "sent", null],
      ["sms", "skipped", "preference"],
      ["push", "sent", null],
    ]);
    expect(messages[1]!.to).toBeNull();
    expect(messages[0]!.subject).toBe(`Order #${order.number} arrives today`);
  });

  it("a guest's order: the email alone, though its address has a phone", async () => {
    const order = await paidGuestOrder();
    expect(order.userId).toBeNull();
    const shipmentId = randomUUID();
    await announce("shop/shipment.exception", order.id, shipmentId, { detail: "Address incomplete: flat number missing" });

    const messages = await messagesOf(shipmentId);
    expect(messages.map((m) => [m.kind, m.channel, m.recipient, m.status])).toEqual([["delivery-problem", "email", order.email, "sent"]]);
    expect(messages[0]!.text).toContain("Address incomplete: flat number missing");
  });

  it("delivered: the email carries the signed unsubscribe link, the headers name the same link, and following it switches shipping emails off", async () => {
    const order = await paidShopperOrder();
    const shipmentId = randomUUID();
    await announce("shop/shipment.delivered", order.id, shipmentId);

    const [email] = (await messagesOf(shipmentId)).filter((m) => m.channel === "email");
    expect(email!.status).toBe("sent");
    expect(email!.subject).toBe(`Order #${order.number} has been delivered`);
    const link = /href="([^"]*\/unsubscribe\?token=[^"]+)"/.exec(email!.html!)?.[1]?.replaceAll("&amp;", "&");
    expect(link).toBeDefined();
    expect(email!.headers).toMatchObject({ "List-Unsubscribe": `<${link}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });

    const anyone: ServiceContext = { db: t.db, actor: { type: "anonymous" } };
    const token = new URL(link!).searchParams.get("token")!;
    expect(await unsubscribe(anyone, { token })).toEqual({ category: "shipping-updates", result: "unsubscribed" });
    expect(await mayReceive(anyone, { address: order.email, category: "shipping-updates", channel: "email" })).toBe(false);

    // The next shipment's email is skipped; SMS and push are other channels, and still go.
    const next = randomUUID();
    await announce("shop/shipment.shipped", order.id, next);
    expect((await messagesOf(next)).map((m) => [m.channel, m.status, m.skipReason])).toEqual([
      ["email", "skipped", "preference"],
      ["sms", "sent", null],
      ["push", "sent", null],
    ]);
  });
});
