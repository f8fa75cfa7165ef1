import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mailboxMessages, notificationPreferences, notifications, stockAlerts } from "@/db/schema";
import { insertShopper } from "@/server/checkout/checkout-test-fixtures";
import type { ServiceContext } from "@/server/context";
import { subscribeStockAlert } from "@/server/notifications/subscribe-stock-alert";
import { createSimulatorProvider } from "@/server/payments/simulator-provider";
import { useTestDatabase } from "@/test/db";
import { checkout, useShopRunner, stockedVariant } from "./saga-test-kit";

const t = useTestDatabase({ max: 20 });
const simulator = createSimulatorProvider();
// Long enough to subscribe while the only unit is held, short enough that the hold ends in the test.
const HOLD_MS = 1500;

const runner = useShopRunner(t, simulator);

const guest = (): ServiceContext => ({ db: t.db, actor: { type: "anonymous" } });

async function backInStockMail(to: string) {
  return t.db
    .select({ subject: mailboxMessages.subject, html: mailboxMessages.html, text: mailboxMessages.text, status: notifications.status })
    .from(notifications)
    .innerJoin(mailboxMessages, eq(mailboxMessages.id, notifications.id))
    .where(and(eq(notifications.kind, "back-in-stock"), eq(notifications.recipient, to)));
}

describe("back in stock, on the in-process runner", () => {
  it("a shopper and a guest waiting on a sold-out variant are each mailed once when an expired hold returns it, and not on a later return", async () => {
    const variantId = await stockedVariant(t.db, runner.shop, { east: 1, west: 0 });
    await checkout(t.db, simulator, { variantId, quantity: 1 }, HOLD_MS);
    const shopperEmail = `waiter-${crypto.randomUUID()}@emporium.test`;
    const shopper: ServiceContext = { db: t.db, actor: { type: "shopper", userId: await insertShopper(t.db, shopperEmail) } };
    await subscribeStockAlert(shopper, { variantId });
    await subscribeStockAlert(guest(), { variantId, email: " Guest@Example.TEST " });
    // Asking twice is one request.
    await subscribeStockAlert(guest(), { variantId, email: "guest@example.test" });
    await subscribeStockAlert(shopper, { variantId });
    expect(await t.db.select().from(stockAlerts).where(eq(stockAlerts.variantId, variantId))).toHaveLength(2);

    await runner.kit.idle();
    const [toShopper, toGuest] = [await backInStockMail(shopperEmail), await backInStockMail("guest@example.test")];
    expect(toShopper).toHaveLength(1);
    expect(toGuest).toHaveLength(1);
    expect(toGuest[0]).toMatchObject({ status: "sent", subject: expect.stringContaining("is back in stock") });
    expect(toGuest[0]!.html).toContain(`?variant=${variantId}`);
    const alerts = await t.db.select({ notifiedAt: stockAlerts.notifiedAt }).from(stockAlerts).where(eq(stockAlerts.variantId, variantId));
    expect(alerts.every((a) => a.notifiedAt !== null)).toBe(true);

    // Sold out and back again: the same requests are not told twice.
    await checkout(t.db, simulator, { variantId, quantity: 1 }, HOLD_MS);
    await runner.kit.idle();
    expect(await backInStockMail(shopperEmail)).toHaveLength(1);
    expect(await backInStockMail("guest@example.test")).toHaveLength(1);

    // Asking again after being told is a new request, told at the next return.
    await checkout(t.db, simulator, { variantId, quantity: 1 }, HOLD_MS);
    await subscribeStockAlert(guest(), { variantId, email: "guest@example.test" });
    await runner.kit.idle();
    expect(await backInStockMail("guest@example.test")).toHaveLength(2);
    expect(await backInStockMail(shopperEmail)).toHaveLength(1);
    expect(runner.kit.failed).toEqual([]);
  });

  it("a request does not overrule an unsubscribe: the message is recorded skipped", async () => {
    const variantId = await stockedVariant(t.db, runner.shop, { east: 1, west: 0 });
    await checkout(t.db, simulator, { variantId, quantity: 1 }, HOLD_MS);
    const email = `unsubscribed-${crypto.randomUUID()}@example.test`;
    await t.db.insert(notificationPreferences).values({ address: email, category: "back-in-stock", channel: "email", enabled: false });
    await subscribeStockAlert(guest(), { variantId, email });
    await runner.kit.idle();
    const ledger = await t.db.select({ status: notifications.status, skipReason: notifications.skipReason }).from(notifications).where(and(eq(notifications.kind, "back-in-stock"), eq(notifications.recipient, email)));
    expect(ledger).toEqual([{ status: "skipped", skipReason: "preference" }]);
  });
});
