import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedShop, stockOf } from "@/server/checkout/checkout-test-fixtures";
import { createStripeProvider } from "@/server/payments/stripe-provider";
import { useTestDatabase } from "@/test/db";
import { startFakeStripe, type FakeStripe } from "@/test/fake-stripe";
import { checkout, installTestRunner, reportPayment, snapshot, stockedVariant } from "./saga-test-kit";

const t = useTestDatabase({ max: 20 });
let fake: FakeStripe;
let shop: Awaited<ReturnType<typeof seedShop>>;
let kit: Awaited<ReturnType<typeof installTestRunner>>;
const stripe = () => createStripeProvider({ secretKey: "sk_test_fake", apiBase: fake.url, maxNetworkRetries: 0, timeoutMs: 300 });

beforeAll(async () => {
  fake = await startFakeStripe();
  shop = await seedShop(t.db);
});
afterAll(() => fake.close());
beforeEach(async () => {
  fake.recover();
  kit = await installTestRunner(t.db, stripe());
});
afterEach(() => kit.stop());

/** A restart: the runner and its runs are gone, and the events already sent went down with them. */
async function restartLosingRuns() {
  await kit.stop();
  return async () => {
    await t.db.execute(sql`update outbox set delivered_at = now() where delivered_at is null`);
    kit = await installTestRunner(t.db, stripe());
  };
}

const intentOf = (orderId: string) => [...fake.intents.values()].find((i) => i.metadata.orderId === orderId);

describe("orders left behind never stay pending past their expiry", () => {
  it.each(["error", "hang"] as const)("the provider fails to open the payment (%s): the saga cancels the order at expiry and the stock returns", async (fault) => {
    const variantId = await stockedVariant(t.db, shop, { east: 2, west: 0 });
    const before = await stockOf(t.db, variantId);
    fake.fail(fault);

    const { orderId, payment } = await checkout(t.db, stripe(), { variantId, quantity: 2 }, 400);
    expect(payment).toBeInstanceOf(Error);
    await kit.idle();

    const after = await snapshot(t.db, orderId, variantId);
    expect(after.order.status).toBe("cancelled");
    expect(after.payment).toBeNull();
    expect(after.stock).toEqual(before);
  });

  it("the provider is down when the order expires: the order is cancelled anyway, and a payment that succeeds later is refunded at once", async () => {
    const variantId = await stockedVariant(t.db, shop, { east: 1, west: 0 });
    const before = await stockOf(t.db, variantId);
    const { orderId } = await checkout(t.db, stripe(), { variantId, quantity: 1 }, 400);
    fake.fail("error");
    await kit.idle();

    expect(kit.failed.map((run) => String(run.error))).toEqual([expect.stringContaining("order cancelled, but its payment could not be cancelled")]);
    expect(await snapshot(t.db, orderId, variantId)).toMatchObject({ order: { status: "cancelled" }, payment: "awaiting", stock: before });

    fake.recover();
    fake.succeed(intentOf(orderId)!.id);
    await reportPayment(t.db, orderId, "succeeded");
    await kit.idle();
    await kit.runner.tick("expire-reservations");

    const after = await snapshot(t.db, orderId, variantId);
    expect(after).toMatchObject({ order: { status: "cancelled" }, payment: "refunded", refunds: { count: 1, amount: 2500 + 550 }, stock: before });
    expect(fake.refunds.filter((r) => r.payment_intent === intentOf(orderId)!.id)).toHaveLength(1);
  });

  it("an abandoned checkout whose saga was lost (a restart) frees its stock in the first sweep after expiry", async () => {
    const variantId = await stockedVariant(t.db, shop, { east: 3, west: 0 });
    const before = await stockOf(t.db, variantId);
    const restart = await restartLosingRuns();
    const { orderId } = await checkout(t.db, stripe(), { variantId, quantity: 3 }, 0);
    expect((await stockOf(t.db, variantId)).activeReserved).toBe(3);

    await restart();
    const sweep = await kit.runner.tick("expire-reservations");

    expect(sweep.status).toBe("completed");
    const after = await snapshot(t.db, orderId, variantId);
    expect(after.order).toMatchObject({ status: "cancelled", cancelReason: "reservation expired before the payment arrived" });
    expect(after.stock).toEqual(before);
    expect(intentOf(orderId)?.status).toBe("canceled");
    expect(after.timeline).toEqual(expect.arrayContaining(["sweeper:cancel-payment", "sweeper:cancel-order"]));
  });

  it("a payment that succeeded while its event was lost: the sweeper completes the order before its expiry", async () => {
    const variantId = await stockedVariant(t.db, shop, { east: 2, west: 0 });
    const restart = await restartLosingRuns();
    const { orderId } = await checkout(t.db, stripe(), { variantId, quantity: 2 });
    await reportPayment(t.db, orderId, "succeeded");
    await t.db.execute(sql`update payments set updated_at = now() - interval '2 minutes' where order_id = ${orderId}`);

    await restart();
    await kit.runner.tick("expire-reservations");
    await kit.idle();

    const after = await snapshot(t.db, orderId, variantId);
    expect(after.order.status).toBe("paid");
    expect(after.stock.levels[0]).toEqual({ warehouseId: shop.east, onHand: 0, reserved: 0 });
    expect(kit.events.filter((e) => e.name === "shop/order.paid" && e.data.orderId === orderId)).toHaveLength(1);
  });

  it("releases active reservations past expiry that a closed order left behind", async () => {
    const variantId = await stockedVariant(t.db, shop, { east: 2, west: 0 });
    const before = await stockOf(t.db, variantId);
    const restart = await restartLosingRuns();
    const { orderId } = await checkout(t.db, stripe(), { variantId, quantity: 2 }, 0);
    await t.db.execute(sql`update orders set status = 'cancelled', cancelled_at = now() where id = ${orderId}`);

    await restart();
    await kit.runner.tick("expire-reservations");

    expect((await snapshot(t.db, orderId, variantId)).stock).toEqual(before);
  });
});
