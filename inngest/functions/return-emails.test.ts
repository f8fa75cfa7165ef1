import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailboxMessages, notifications, returnLines, returns } from "@/db/schema";
import { insertShopper, seedShop } from "@/server/checkout/checkout-test-fixtures";
import type { ServiceContext } from "@/server/context";
import { suppressAddress } from "@/server/notifications/suppress-address";
import { setSigningEnv } from "@/server/orders/test-fixtures";
import { approveReturn } from "@/server/returns/approve-return";
import { receiveReturn } from "@/server/returns/receive-return";
import { refundReturn } from "@/server/returns/refund-return";
import { rejectReturn } from "@/server/returns/reject-return";
import { requestReturn } from "@/server/returns/request-return";
import { adminContext, deliveredOrder, labelStorage, shopperContext } from "@/server/returns/test-fixtures";
import type { Shop } from "@/server/shipping/test-fixtures";
import { useTestDatabase } from "@/test/db";
import { returnLabelResponse } from "@/app/api/orders/[orderId]/returns/[returnId]/label/return-label-response";
import { startOutboxRelay } from "../relay";
import { InProcessRunner, installRunner, type RunRecord } from "../runner";
import { notifyOrderRefunded } from "./notify-order-refunded";
import { notifyReturnApproved } from "./notify-return-approved";
import { notifyReturnReceived } from "./notify-return-received";
import { notifyReturnRejected } from "./notify-return-rejected";
import { notifyReturnRequested } from "./notify-return-requested";
import type { FunctionDeps } from "./order-state";
import { sendNotificationFunction } from "./send-notification";

const t = useTestDatabase({ max: 10 });
let shop: Shop;
let shopperId: string;
const failed: RunRecord[] = [];
let settle: () => Promise<void>;
let stop: () => Promise<void>;

// The return emails' functions and the send step on the in-process runner, fed by the outbox (the order's other events find no function here).
beforeAll(async () => {
  setSigningEnv();
  process.env.DATABASE_URL = t.url;
  shop = await seedShop(t.db);
  shopperId = await insertShopper(t.db);
  const deps: FunctionDeps = { context: (job) => ({ db: t.db, actor: { type: "system", name: job } }) };
  const functions = [notifyReturnRequested, notifyReturnApproved, notifyReturnReceived, notifyReturnRejected, notifyOrderRefunded, sendNotificationFunction].map((f) => f(deps));
  const runner = new InProcessRunner(functions, { backoffMs: () => 0, onRunFailed: (run) => failed.push(run) });
  installRunner(runner);
  const relay = await startOutboxRelay(t.db, (batch) => runner.emit(batch), { sweepMs: 50 });
  settle = async () => {
    for (;;) {
      await relay.wake();
      await runner.idle();
      const [left] = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from outbox where delivered_at is null`);
      if (left!.n === 0) return;
    }
  };
  stop = async () => {
    installRunner(undefined);
    await relay.stop();
  };
});
afterAll(() => stop());

/** The order's return and refund messages, oldest first, with what the dev mailbox holds of each one sent. */
async function messagesAbout(subjectIds: string[]) {
  return t.db
    .select({ kind: notifications.kind, recipient: notifications.recipient, status: notifications.status, skipReason: notifications.skipReason, subject: mailboxMessages.subject, html: mailboxMessages.html, text: mailboxMessages.text })
    .from(notifications)
    .leftJoin(mailboxMessages, eq(mailboxMessages.id, notifications.id))
    .where(and(inArray(notifications.subjectId, subjectIds), eq(notifications.channel, "email")))
    .orderBy(asc(notifications.createdAt));
}

async function orderEmail(orderId: string) {
  const [row] = await t.db.execute<{ email: string; number: number }>(sql`select email, number from orders where id = ${orderId}`);
  return row!;
}

describe("return emails on the in-process runner", () => {
  it("one email per step — requested, approved with the label, received, refunded — and repeating every step sends none more", async () => {
    const { orderId, lampLine } = await deliveredOrder(t.db, shop, { userId: shopperId });
    const { email, number } = await orderEmail(orderId);
    const shopper = shopperContext(t.db, shopperId);
    const { ctx: admin } = adminContext(t.db);
    const returnId = crypto.randomUUID();
    const request = { orderId, returnId, reason: "Too bright", lines: [{ orderLineId: lampLine, quantity: 2 }] };
    await requestReturn(shopper, request);
    await settle();
    const [line] = await t.db.select().from(returnLines).where(eq(returnLines.returnId, returnId));
    const restock = [{ shipmentId: line!.shipmentId, orderLineId: lampLine, restock: true }];
    const steps = [
      () => requestReturn(shopper, request),
      () => approveReturn(admin, { returnId }),
      () => receiveReturn(admin, { returnId }),
      () => refundReturn(admin, { returnId, restock }),
    ];
    for (const step of steps) {
      await step();
      await settle();
    }
    const [{ refundId }] = await t.db.select({ refundId: returns.refundId }).from(returns).where(eq(returns.id, returnId)) as [{ refundId: string }];
    const sent = await messagesAbout([returnId, refundId]);
    expect(sent.map((m) => [m.kind, m.recipient, m.status])).toEqual([
      ["return-requested", email, "sent"],
      ["return-approved", email, "sent"],
      ["return-received", email, "sent"],
      ["refund-issued", email, "sent"],
    ]);
    expect(sent.map((m) => m.subject)).toEqual([
      `We've received your return request (order #${number})`,
      `Your return is approved: print your label (order #${number})`,
      `Your returned items have arrived (order #${number})`,
      `Refund of $20.00 for order #${number}`,
    ]);

    // The approved email's button opens the label for whoever holds the email: the order's signed link is in it.
    const approved = sent[1]!;
    const href = /href="(http:\/\/localhost:3000\/api\/orders\/[^"]+\/label\?token=[^"]+)"/.exec(approved.html!)?.[1]?.replaceAll("&amp;", "&");
    expect(href).toBeDefined();
    const url = new URL(href!);
    expect(url.pathname).toBe(`/api/orders/${orderId}/returns/${returnId}/label`);
    const guest: ServiceContext = { db: t.db, actor: { type: "anonymous" }, storage: labelStorage };
    const label = await returnLabelResponse(guest, { orderId, returnId, token: url.searchParams.get("token") });
    expect(label.status).toBe(200);
    expect(approved.text).toContain("2 × Product (Default)");

    for (const step of steps) {
      await step();
      await settle();
    }
    expect(await messagesAbout([returnId, refundId])).toHaveLength(4);
    expect(failed).toEqual([]);
  });

  it("rejected: one email with the shop's reason, however often it is rejected", async () => {
    const { orderId, lampLine } = await deliveredOrder(t.db, shop, { userId: shopperId });
    const { number } = await orderEmail(orderId);
    const returnId = crypto.randomUUID();
    await requestReturn(shopperContext(t.db, shopperId), { orderId, returnId, reason: "Changed my mind", lines: [{ orderLineId: lampLine, quantity: 1 }] });
    const { ctx: admin } = adminContext(t.db);
    await rejectReturn(admin, { returnId, reason: "Opened and used" });
    await rejectReturn(admin, { returnId, reason: "Something else" });
    await settle();
    const sent = await messagesAbout([returnId]);
    expect(sent.map((m) => [m.kind, m.status])).toEqual([
      ["return-requested", "sent"],
      ["return-rejected", "sent"],
    ]);
    expect(sent[1]!.subject).toBe(`About your return request (order #${number})`);
    expect(sent[1]!.text).toContain("Our reason: “Opened and used”");
    expect(sent[1]!.text).not.toContain("Something else");
    expect(failed).toEqual([]);
  });

  it("a suppressed address gets nothing: the step's message is recorded as skipped", async () => {
    const { orderId, lampLine } = await deliveredOrder(t.db, shop, { userId: shopperId });
    const { email } = await orderEmail(orderId);
    await suppressAddress({ db: t.db, actor: { type: "system", name: "test" } }, { address: email, reason: "bounced" });
    const returnId = crypto.randomUUID();
    await requestReturn(shopperContext(t.db, shopperId), { orderId, returnId, reason: "Too big", lines: [{ orderLineId: lampLine, quantity: 1 }] });
    await settle();
    expect((await messagesAbout([returnId])).map((m) => [m.kind, m.status, m.skipReason, m.subject])).toEqual([["return-requested", "skipped", "suppressed", null]]);
  });
});
