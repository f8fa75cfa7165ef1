import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { outboxEvents } from "@/server/events/test-outbox";
import type { Actor } from "@/server/context";
import { useTestDatabase } from "@/test/db";
import { clientError } from "../catalog/admin-test-fixtures";
import { setSigningEnv } from "../orders/test-fixtures";
import type { PaymentProvider } from "../payments/payment-provider";
import { createSimulatorProvider } from "../payments/simulator-provider";
import { createCaller } from "../trpc/root";
import { insertCart, insertGuestCarts, insertShopper, insertVariant, seedShop, stockOf } from "./checkout-test-fixtures";
import { cancelPendingOrder } from "./cancel-pending-order";
import { placeOrder } from "./place-order";
import { createCarrierSimulator } from "@/server/shipping/carrier-simulator";

const t = useTestDatabase({ max: 30 });
let shop: Awaited<ReturnType<typeof seedShop>>;

beforeAll(async () => {
  setSigningEnv();
  shop = await seedShop(t.db);
});

const placedEvents = async (orderId: string) => (await outboxEvents(t.db, orderId)).filter((e) => e.name === "shop/order.placed");

const carrier = createCarrierSimulator();
const guest = (cartId: string | null) => createCaller({ db: t.db, actor: { type: "anonymous" }, guestCartId: cartId, carrier });
const caller = (actor: Actor) => createCaller({ db: t.db, actor, carrier });

async function paymentRows(orderId: string) {
  return [...(await t.db.execute(sql`select provider, provider_payment_id as "intentId", amount from payments where order_id = ${orderId}`))];
}

async function ordersOfVariant(variantId: number) {
  const [row] = await t.db.execute<{ n: number }>(sql`select count(distinct order_id)::int as n from order_lines where variant_id = ${variantId}`);
  return row!.n;
}

describe("checkout.placeOrder", () => {
  it("places the order, opens its payment on the simulator and tells the saga once", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { priceAmount: 2500, stock: [{ warehouseId: shop.east, onHand: 4 }] });
    const [cartId] = await insertGuestCarts(t.db, 1, [{ variantId, quantity: 2 }]);

    const result = await guest(cartId!).checkout.placeOrder({ cartId: cartId! });

    expect(result).toMatchObject({ status: "pending", totalAmount: 5000, currency: "USD" });
    expect(result.payment).toMatchObject({ provider: "simulator", clientSecret: null });
    expect(result.payment.payUrl).toMatch(new RegExp(`^/pay/${result.orderId}\\?token=`));
    expect(await paymentRows(result.orderId)).toEqual([{ provider: "simulator", intentId: result.payment.paymentIntentId, amount: 5000 }]);
    expect(await guest(cartId!).checkout.placeOrder({ cartId: cartId! })).toEqual(result);
    expect(await placedEvents(result.orderId)).toEqual([{ name: "shop/order.placed", data: { orderId: result.orderId } }]);
  });

  it("answers CONFLICT, with no new order, once the cart's order was cancelled", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 4 }] });
    const [cartId] = await insertGuestCarts(t.db, 1, [{ variantId, quantity: 1 }]);
    const { orderId } = await guest(cartId!).checkout.placeOrder({ cartId: cartId! });
    await cancelPendingOrder({ db: t.db, actor: { type: "system", name: "test" } }, { orderId, reason: "expired" });

    const error = await clientError(guest(cartId!).checkout.placeOrder({ cartId: cartId! }));
    expect(error.code).toBe("CONFLICT");
    expect(await ordersOfVariant(variantId)).toBe(1);
    expect((await stockOf(t.db, variantId)).levels[0]).toMatchObject({ reserved: 0 });
  });

  it("double submit: ten concurrent calls, one order, one PaymentIntent, ten identical answers", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 5 }] });
    const [cartId] = await insertGuestCarts(t.db, 1, [{ variantId, quantity: 1 }]);
    const simulator = createSimulatorProvider();
    const keys = new Set<string>();
    const counting: PaymentProvider = {
      ...simulator,
      createPaymentIntent: (input) => (keys.add(input.idempotencyKey), simulator.createPaymentIntent(input)),
    };
    const ctx = { db: t.db, actor: { type: "anonymous" } as const, guestCartId: cartId!, payments: counting, carrier };

    const answers = await Promise.all(Array.from({ length: 10 }, () => placeOrder(ctx, { cartId: cartId! })));

    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(await ordersOfVariant(variantId)).toBe(1);
    expect(await paymentRows(answers[0]!.orderId)).toHaveLength(1);
    expect(keys).toEqual(new Set([`order-${answers[0]!.orderId}-payment`]));
    expect((await stockOf(t.db, variantId)).activeReserved).toBe(1);
    expect(await placedEvents(answers[0]!.orderId)).toHaveLength(1);
  });

  it("last unit: one shopper gets it, the other a CONFLICT naming the product; no payment for the loser", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { title: "Brass lamp", stock: [{ warehouseId: shop.west, onHand: 1 }] });
    const cartIds = await insertGuestCarts(t.db, 2, [{ variantId, quantity: 1 }]);
    const outcomes = await Promise.allSettled(cartIds.map((cartId) => guest(cartId).checkout.placeOrder({ cartId })));

    const won = outcomes.filter((o) => o.status === "fulfilled");
    const lost = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const error = await clientError(Promise.reject(lost[0]));
    expect(error).toMatchObject({ code: "CONFLICT", domainError: "OutOfStock" });
    expect((lost[0] as Error).message).toBe("Not enough stock: Brass lamp / Default is sold out");
    expect(await stockOf(t.db, variantId)).toEqual({ levels: [{ warehouseId: shop.west, onHand: 1, reserved: 1 }], activeReserved: 1 });
    const [payments] = await t.db.execute<{ n: number }>(sql`
      select count(*)::int as n from payments p join order_lines l on l.order_id = p.order_id where l.variant_id = ${variantId}`);
    expect(payments!.n).toBe(1);
  });

  it("demand over the stock of both warehouses is refused before any order or payment exists", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, {
      stock: [
        { warehouseId: shop.east, onHand: 1 },
        { warehouseId: shop.west, onHand: 1 },
      ],
    });
    const [cartId] = await insertGuestCarts(t.db, 1, [{ variantId, quantity: 3 }]);
    const [before] = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from payments`);

    expect((await clientError(guest(cartId!).checkout.placeOrder({ cartId: cartId! }))).code).toBe("CONFLICT");

    const [after] = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from payments`);
    expect(after!.n).toBe(before!.n);
    expect(await ordersOfVariant(variantId)).toBe(0);
    expect((await stockOf(t.db, variantId)).levels.map((l) => l.reserved)).toEqual([0, 0]);
  });

  it("rejects any field besides the cart id: prices, totals, owners and statuses are the server's", async () => {
    const [cartId] = await insertGuestCarts(t.db, 1, []);
    const api = guest(cartId!);
    for (const extra of [{ totalAmount: 1 }, { price: 1 }, { userId: "someone" }, { status: "paid" }, { currency: "EUR" }]) {
      const input = { cartId: cartId!, ...extra } as { cartId: string };
      expect((await clientError(api.checkout.placeOrder(input))).code).toBe("BAD_REQUEST");
    }
    expect((await clientError(api.checkout.placeOrder({ cartId: "not-a-uuid" }))).code).toBe("BAD_REQUEST");
  });

  it("answers NOT_FOUND for another shopper's cart or a guest cart the cookie does not name", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 5 }] });
    const owner = await insertShopper(t.db);
    const userCart = await insertCart(t.db, { userId: owner, lines: [{ variantId, quantity: 1 }] });
    const [guestCart, otherGuestCart] = await insertGuestCarts(t.db, 2, [{ variantId, quantity: 1 }]);

    const attempts = [
      () => caller({ type: "shopper", userId: "someone-else" }).checkout.placeOrder({ cartId: userCart }),
      () => guest(userCart).checkout.placeOrder({ cartId: userCart }),
      () => guest(otherGuestCart!).checkout.placeOrder({ cartId: guestCart! }),
      () => guest(null).checkout.placeOrder({ cartId: guestCart! }),
    ];
    for (const attempt of attempts) expect((await clientError(attempt())).code).toBe("NOT_FOUND");
    expect((await stockOf(t.db, variantId)).activeReserved).toBe(0);

    const own = await caller({ type: "shopper", userId: owner }).checkout.placeOrder({ cartId: userCart });
    expect(own.status).toBe("pending");
    expect(own.payment.payUrl).toBe(`/pay/${own.orderId}`);
  });
});
