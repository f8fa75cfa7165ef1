import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inArray, sql } from "drizzle-orm";
import { orders, payments } from "@/db/schema";
import { outboxEvents } from "@/server/events/test-outbox";
import { useTestDatabase } from "@/test/db";
import type { Actor } from "@/server/context";
import { insertShopper } from "@/server/checkout/checkout-test-fixtures";
import { orderAccessToken, tokenOpensOrder } from "@/server/orders/order-link";
import { cancelPayment } from "@/server/payments/cancel-payment";
import { getPaySession } from "@/server/payments/get-pay-session";
import { createSimulatorProvider } from "@/server/payments/simulator-provider";
import { startPayment } from "@/server/payments/start-payment";
import { declineMessage } from "@/server/payments/test-cards";
import { inboxCount, insertPayableOrder, paymentState } from "@/server/payments/test-fixtures";
import { submitTestCard } from "./submit-test-card";


const t = useTestDatabase({ max: 10 });
let shop: Server;
let origin: string;
let webhookDown = false;

/** The shop's webhook route served over HTTP at NEXTAUTH_URL, so the simulator reaches it the way it does in the app. */
beforeAll(async () => {
  process.env.DATABASE_URL = t.url;
  process.env.NEXTAUTH_SECRET ??= "x".repeat(40);
  const { POST } = await import("@/app/api/webhooks/stripe/route");
  shop = createServer(async (req, res) => {
    if (webhookDown) return void req.socket.destroy();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.url !== "/api/webhooks/stripe") return void res.writeHead(404).end();
    const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
    const response = await POST(new Request(`${origin}${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) }));
    res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
  });
  await new Promise<void>((resolve) => shop.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
  process.env.NEXTAUTH_URL = origin;
});
afterAll(() => new Promise<void>((resolve) => shop.close(() => resolve())));

const anonymous: Actor = { type: "anonymous" };

async function simulatorOrder(userId: string | null = null) {
  const orderId = await insertPayableOrder(t.db, { userId, totalAmount: 2599 });
  await startPayment({ db: t.db, actor: { type: "system", name: "test" }, payments: createSimulatorProvider() }, { orderId });
  return orderId;
}

function submit(orderId: string, actor: Actor, fields: Record<string, string>, at = origin) {
  const deferred: { deliver: () => Promise<void>; delayMs: number }[] = [];
  const request = new Request(`${at}/pay/${orderId}/submit`, { method: "POST", body: new URLSearchParams(fields) });
  const response = submitTestCard(request, { ctx: { db: t.db, actor }, orderId, defer: (deliver, delayMs) => deferred.push({ deliver, delayMs }) });
  return response.then((r) => ({ status: r.status, location: r.headers.get("location"), deferred }));
}

/** The order page with an order link of its own (signed afresh, so not necessarily the token the shopper came with). */
function expectGuestOrderPage(location: string | null, orderId: string) {
  const url = new URL(location ?? "", origin);
  expect(url.origin + url.pathname).toBe(`${origin}/orders/${orderId}`);
  expect(tokenOpensOrder(url.searchParams.get("token") ?? undefined, orderId)).toBe(true);
}

describe("the test-card form", () => {
  it("pays with the success card through a signed webhook and sends the guest to the order page with its token", async () => {
    const orderId = await simulatorOrder();
    const token = orderAccessToken(orderId);

    const answer = await submit(orderId, anonymous, { card: "4242 4242 4242 4242", token });

    expect(answer.status).toBe(303);
    expectGuestOrderPage(answer.location, orderId);
    const state = await paymentState(t.db, orderId);
    expect(state.order?.paymentStatus).toBe("succeeded");
    expect(state.events.map((e) => e.type)).toContain("payment_succeeded");
    expect((await outboxEvents(t.db, orderId)).map((e) => e.name)).toEqual(["shop/payment.succeeded"]);
  });

  it.each([
    ["4000 0000 0000 0002", "generic_decline", "Your card was declined."],
    ["4000000000009995", "insufficient_funds", "Your card has insufficient funds."],
  ])("sends the owner back to /pay after a decline (%s), which then shows why and offers the cards again", async (card, reason, message) => {
    const userId = await insertShopper(t.db);
    const orderId = await simulatorOrder(userId);
    const owner: Actor = { type: "shopper", userId };

    const answer = await submit(orderId, owner, { card });

    expect(answer.location).toBe(`${origin}/pay/${orderId}`);
    const session = await getPaySession({ db: t.db, actor: owner }, { orderId });
    expect(session).toMatchObject({ orderStatus: "pending", paymentStatus: "failed", failureReason: reason, acceptsPayment: true, canPay: true });
    expect(declineMessage(session.failureReason)).toBe(message);
    expect(await outboxEvents(t.db, orderId)).toEqual([expect.objectContaining({ name: "shop/payment.failed", data: expect.objectContaining({ orderId, reason }) })]);

    // At the hold's end the saga cancels the payment; the page still says why, and takes no other card.
    await cancelPayment({ db: t.db, actor: { type: "system", name: "test" }, payments: createSimulatorProvider() }, { orderId });
    expect(await getPaySession({ db: t.db, actor: owner }, { orderId })).toMatchObject({ paymentStatus: "cancelled", failureReason: reason, acceptsPayment: false, canPay: false });
  });

  it("pays the same order with another card after a decline, once", async () => {
    const orderId = await simulatorOrder();
    const token = orderAccessToken(orderId);

    const declined = await submit(orderId, anonymous, { card: "4000000000000002", token });
    expect(declined.location).toBe(`${origin}/pay/${orderId}?token=${encodeURIComponent(token)}`);
    const paid = await submit(orderId, anonymous, { card: "4242424242424242", token });
    expectGuestOrderPage(paid.location, orderId);
    const inboxAfterPaying = await inboxCount(t.db);
    const again = await submit(orderId, anonymous, { card: "4242424242424242", token });

    expect(again.location).toBe(`${origin}/pay/${orderId}?error=closed&token=${encodeURIComponent(token)}`);
    expect(await inboxCount(t.db)).toBe(inboxAfterPaying);
    const state = await paymentState(t.db, orderId);
    expect(state.payments).toEqual([expect.objectContaining({ status: "succeeded" })]);
    expect(state.events.map((e) => e.type)).toEqual(["payment_failed", "payment_succeeded"]);
    expect((await outboxEvents(t.db, orderId)).map((e) => e.name)).toEqual(["shop/payment.failed", "shop/payment.succeeded"]);
    expect(await getPaySession({ db: t.db, actor: anonymous }, { orderId, accessToken: token })).toMatchObject({ failureReason: null, acceptsPayment: false, canPay: false });
  });

  it("refuses every card once the hold has ended, by the database's clock, and sends nothing", async () => {
    const userId = await insertShopper(t.db);
    const owner: Actor = { type: "shopper", userId };
    const [awaiting, declined] = [await simulatorOrder(userId), await simulatorOrder(userId)];
    await submit(declined, owner, { card: "4000000000000002" });
    await t.db.update(orders).set({ reservationExpiresAt: sql`now() - interval '1 second'` }).where(inArray(orders.id, [awaiting, declined]));
    const inboxBefore = await inboxCount(t.db);

    for (const orderId of [awaiting, declined]) {
      expect((await submit(orderId, owner, { card: "4242424242424242" })).location).toBe(`${origin}/pay/${orderId}?error=closed`);
      expect(await getPaySession({ db: t.db, actor: owner }, { orderId })).toMatchObject({ orderStatus: "pending", acceptsPayment: false, canPay: false });
    }
    expect(await inboxCount(t.db)).toBe(inboxBefore);
    expect((await paymentState(t.db, awaiting)).payments[0]?.status).toBe("awaiting");
    expect((await paymentState(t.db, declined)).payments[0]?.status).toBe("failed");
  });

  it("answers the delayed card at once and records the success when the deferred delivery runs", async () => {
    const userId = await insertShopper(t.db);
    const orderId = await simulatorOrder(userId);

    const answer = await submit(orderId, { type: "shopper", userId }, { card: "4000000000003220" });

    expect(answer.location).toBe(`${origin}/orders/${orderId}`);
    expect(answer.deferred.map((d) => d.delayMs)).toEqual([3000]);
    expect((await paymentState(t.db, orderId)).order?.paymentStatus).toBe("awaiting");
    await answer.deferred[0]!.deliver();
    expect((await paymentState(t.db, orderId)).order?.paymentStatus).toBe("succeeded");
  });

  it("answers 404 and sends nothing for strangers, forged links and malformed order ids", async () => {
    const userId = await insertShopper(t.db);
    const orderId = await simulatorOrder(userId);
    const inboxBefore = await inboxCount(t.db);
    const card = "4242424242424242";

    const answers = await Promise.all([
      submit(orderId, anonymous, { card }),
      submit(orderId, { type: "shopper", userId: await insertShopper(t.db) }, { card }),
      submit(orderId, anonymous, { card, token: orderAccessToken(crypto.randomUUID()) }),
      submit("not-a-uuid", anonymous, { card }),
    ]);

    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404]);
    expect(await inboxCount(t.db)).toBe(inboxBefore);
    expect((await paymentState(t.db, orderId)).order?.paymentStatus).toBe("awaiting");
  });

  it("sends the shopper back with an error, and nothing to the webhook, for an unknown card, a paid order or a Stripe payment", async () => {
    const userId = await insertShopper(t.db);
    const owner: Actor = { type: "shopper", userId };
    const orderId = await simulatorOrder(userId);
    const stripeOrder = await insertPayableOrder(t.db, { userId });
    await t.db.insert(payments).values({ orderId: stripeOrder, provider: "stripe", providerPaymentId: "pi_real_1", amount: 2999, currency: "USD" });

    expect((await submit(orderId, owner, { card: "1234 5678 9012 3456" })).location).toBe(`${origin}/pay/${orderId}?error=card`);
    expect((await submit(stripeOrder, owner, { card: "4242424242424242" })).location).toBe(`${origin}/pay/${stripeOrder}?error=closed`);
    await submit(orderId, owner, { card: "4242424242424242" });
    const inboxAfterPaying = await inboxCount(t.db);
    expect((await submit(orderId, owner, { card: "4000000000000002" })).location).toBe(`${origin}/pay/${orderId}?error=closed`);

    expect(await inboxCount(t.db)).toBe(inboxAfterPaying);
    expect((await paymentState(t.db, orderId)).order?.paymentStatus).toBe("succeeded");
    expect((await paymentState(t.db, stripeOrder)).payments[0]?.status).toBe("awaiting");
  });

  it("tells the shopper to retry, with nothing recorded, when the webhook cannot be reached", async () => {
    const orderId = await simulatorOrder();
    const token = orderAccessToken(orderId);
    webhookDown = true;
    const answer = await submit(orderId, anonymous, { card: "4242424242424242", token }).finally(() => (webhookDown = false));
    expect(answer.location).toBe(`${origin}/pay/${orderId}?error=unavailable&token=${encodeURIComponent(token)}`);
    expect((await paymentState(t.db, orderId)).order?.paymentStatus).toBe("awaiting");
  });

  it("posts the event to NEXTAUTH_URL, never to the host the request names", async () => {
    const received: string[] = [];
    const elsewhere = createServer((req, res) => void (received.push(`${req.method} ${req.url}`), res.writeHead(200).end("{}")));
    await new Promise<void>((resolve) => elsewhere.listen(0, "127.0.0.1", resolve));
    const elsewhereOrigin = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
    try {
      const userId = await insertShopper(t.db);
      const orderId = await simulatorOrder(userId);

      const answer = await submit(orderId, { type: "shopper", userId }, { card: "4242424242424242" }, elsewhereOrigin);

      expect(answer.status).toBe(303);
      expect(received).toEqual([]);
      expect((await paymentState(t.db, orderId)).order?.paymentStatus).toBe("succeeded");
    } finally {
      await new Promise<void>((resolve) => elsewhere.close(() => resolve()));
    }
  });
});
