import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/context";
import { useTestDatabase } from "@/test/db";
import { clientError } from "../catalog/admin-test-fixtures";
import { MAX_CHARGE_AMOUNT } from "../limits";
import { createCaller } from "../trpc/root";
import { createOrderFromCart } from "./create-order-from-cart";
import { address, cartStatus, insertCart, insertShopper, insertVariant, seedShop, stockOf } from "./checkout-test-fixtures";
import type { Carrier } from "@/server/shipping/carrier";
import { createCarrierSimulator } from "@/server/shipping/carrier-simulator";

const t = useTestDatabase();
let shop: Awaited<ReturnType<typeof seedShop>>;
const anonymous: Actor = { type: "anonymous" };
const carrier = createCarrierSimulator();
const as = (actor: Actor, guestCartId?: string) => ({ db: t.db, actor, guestCartId, carrier });

beforeAll(async () => {
  shop = await seedShop(t.db);
});

async function orderRows(orderId: string) {
  const [order] = await t.db.execute(sql`
    select user_id as "userId", email, status, coalesce((select p.status::text from payments p where p.order_id = orders.id), 'awaiting') as "paymentStatus", currency::text as currency,
           subtotal_amount as subtotal, shipping_amount as shipping, total_amount as total, shipping_address as "shippingAddress",
           shipping_method as "shippingMethod", reservation_expires_at > now() + interval '14 minutes' as "expiresIn15"
      from orders where id = ${orderId}`);
  const lines = await t.db.execute(sql`
    select variant_id as "variantId", unit_amount as "unitAmount", quantity, line_amount as "lineAmount"
      from order_lines where order_id = ${orderId} order by variant_id`);
  const events = await t.db.execute(sql`select type from order_events where order_id = ${orderId}`);
  return { order, lines: [...lines], events: events.map((e) => e.type) };
}

describe("createOrderFromCart", () => {
  it("prices the order from the catalogue, snapshots its lines, reserves stock and closes the cart", async () => {
    const shirt = await insertVariant(t.db, shop.categoryId, { priceAmount: 1500, stock: [{ warehouseId: shop.east, onHand: 5 }] });
    const mug = await insertVariant(t.db, shop.categoryId, { priceAmount: 800, stock: [{ warehouseId: shop.west, onHand: 2 }] });
    const userId = await insertShopper(t.db, "ada@emporium.test");
    const cartId = await insertCart(t.db, { userId, lines: [{ variantId: shirt, quantity: 2 }, { variantId: mug, quantity: 1 }] });

    const order = await createOrderFromCart(as({ type: "shopper", userId }), { cartId });

    // Ground from the shop in Bristol to London, as the carrier simulator prices it: 5.50.
    expect(order).toMatchObject({ status: "pending", totalAmount: 3800 + 550, currency: "USD", created: true });
    expect(order.number).toBeGreaterThanOrEqual(100001);
    expect(await orderRows(order.orderId)).toEqual({
      order: {
        userId,
        email: "buyer@emporium.test",
        status: "pending",
        paymentStatus: "awaiting",
        currency: "USD",
        subtotal: 3800,
        shipping: 550,
        total: 4350,
        shippingAddress: address,
        shippingMethod: "Ground",
        expiresIn15: true,
      },
      lines: [
        { variantId: shirt, unitAmount: 1500, quantity: 2, lineAmount: 3000 },
        { variantId: mug, unitAmount: 800, quantity: 1, lineAmount: 800 },
      ],
      events: ["placed"],
    });
    expect((await stockOf(t.db, shirt)).levels).toEqual([{ warehouseId: shop.east, onHand: 5, reserved: 2 }]);
    expect((await stockOf(t.db, mug)).levels).toEqual([{ warehouseId: shop.west, onHand: 2, reserved: 1 }]);
    expect(await cartStatus(t.db, cartId)).toBe("ordered");
  });

  it("returns the same order when the cart is placed again", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 3 }] });
    const cartId = await insertCart(t.db, { lines: [{ variantId, quantity: 1 }] });
    const first = await createOrderFromCart(as(anonymous, cartId), { cartId });
    const second = await createOrderFromCart(as(anonymous, cartId), { cartId });
    expect(second).toEqual({ ...first, created: false });
    expect((await stockOf(t.db, variantId)).activeReserved).toBe(1);
  });

  it("answers NOT_FOUND for a cart the caller does not own", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 3 }] });
    const owner = await insertShopper(t.db);
    const stranger = await insertShopper(t.db);
    const userCart = await insertCart(t.db, { userId: owner, lines: [{ variantId, quantity: 1 }] });
    const guestCart = await insertCart(t.db, { lines: [{ variantId, quantity: 1 }] });
    const otherGuestCart = await insertCart(t.db, { lines: [{ variantId, quantity: 1 }] });

    const attempts = [
      () => createOrderFromCart(as({ type: "shopper", userId: stranger }), { cartId: userCart }),
      () => createOrderFromCart(as(anonymous, userCart), { cartId: userCart }),
      () => createOrderFromCart(as(anonymous), { cartId: guestCart }),
      () => createOrderFromCart(as(anonymous, otherGuestCart), { cartId: guestCart }),
      () => createOrderFromCart(as({ type: "shopper", userId: stranger }, guestCart), { cartId: guestCart }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ kind: "NotFound" });
    expect((await stockOf(t.db, variantId)).levels[0]!.reserved).toBe(0);
  });

  it("asks for missing checkout details and refuses an empty cart, writing nothing", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 3 }] });
    const bare = await insertCart(t.db, { lines: [{ variantId, quantity: 1 }], details: false });
    await expect(createOrderFromCart(as(anonymous, bare), { cartId: bare })).rejects.toMatchObject({
      kind: "Invalid",
      fieldErrors: { email: expect.any(String), shippingAddress: expect.any(String), shippingMethod: expect.any(String) },
    });
    const empty = await insertCart(t.db, { lines: [] });
    await expect(createOrderFromCart(as(anonymous, empty), { cartId: empty })).rejects.toMatchObject({ kind: "Invalid" });
    expect(await cartStatus(t.db, bare)).toBe("active");
    expect((await stockOf(t.db, variantId)).levels[0]!.reserved).toBe(0);
  });

  it("fills in a signed-in shopper's account email and makes express and free ground shipping", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { priceAmount: 6000, stock: [{ warehouseId: shop.east, onHand: 3 }] });
    const userId = await insertShopper(t.db, "grace@emporium.test");
    const cartId = await insertCart(t.db, { userId, lines: [{ variantId, quantity: 1 }] });
    await t.db.execute(sql`update carts set email = null where id = ${cartId}`);
    const order = await createOrderFromCart(as({ type: "shopper", userId }), { cartId });
    expect(order.totalAmount).toBe(6000);
    expect((await orderRows(order.orderId)).order).toMatchObject({ email: "grace@emporium.test", shipping: 0 });

    const express = await insertCart(t.db, { lines: [{ variantId, quantity: 1 }] });
    await t.db.execute(sql`update carts set shipping_method = 'Express' where id = ${express}`);
    expect((await createOrderFromCart(as(anonymous, express), { cartId: express })).totalAmount).toBe(6000 + 1430);
  });

  it("prices shipping from a fresh quote for the weight of the goods that are posted, refusing a service not offered", async () => {
    const boots = await insertVariant(t.db, shop.categoryId, { priceAmount: 1200, weightGrams: 1200, stock: [{ warehouseId: shop.east, onHand: 5 }] });
    const ebook = await insertVariant(t.db, shop.categoryId, { priceAmount: 900, weightGrams: 4000, requiresShipping: false, stock: [{ warehouseId: shop.east, onHand: 5 }] });
    const cartId = await insertCart(t.db, { lines: [{ variantId: boots, quantity: 1 }, { variantId: ebook, quantity: 1 }] });
    await t.db.execute(sql`update carts set shipping_method = 'Teleport' where id = ${cartId}`);
    await expect(createOrderFromCart(as(anonymous, cartId), { cartId })).rejects.toMatchObject({ kind: "Invalid", fieldErrors: { shippingMethod: expect.any(String) } });
    expect(await cartStatus(t.db, cartId)).toBe("active");

    await t.db.execute(sql`update carts set shipping_method = 'Priority' where id = ${cartId}`);
    const order = await createOrderFromCart(as(anonymous, cartId), { cartId });
    // 1200 g of boots (the ebook's weight does not travel): three started 500 g steps, 8.80 + 2 × 1.40.
    expect((await orderRows(order.orderId)).order).toMatchObject({ subtotal: 2100, shipping: 1160, total: 3260, shippingMethod: "Priority" });
  });

  it("asks the carrier while the cart is not locked, and refuses a cart changed between the quote and the lock", async () => {
    const boots = await insertVariant(t.db, shop.categoryId, { priceAmount: 1200, weightGrams: 1200, stock: [{ warehouseId: shop.east, onHand: 5 }] });
    const cartId = await insertCart(t.db, { lines: [{ variantId: boots, quantity: 1 }] });
    const lockFree: boolean[] = [];
    let changeCart = true;
    const watching: Carrier = {
      ...carrier,
      async quoteRates(input) {
        const probe = await t.db
          .transaction((tx) => tx.execute(sql`select 1 from carts where id = ${cartId} for update nowait`))
          .then(() => true, () => false);
        lockFree.push(probe);
        // Another tab adds a pair while the first submit waits for the carrier.
        if (changeCart) await t.db.execute(sql`update cart_lines set quantity = 2 where cart_id = ${cartId}`);
        changeCart = false;
        return carrier.quoteRates(input);
      },
    };
    const ctx = { ...as(anonymous, cartId), carrier: watching };
    await expect(createOrderFromCart(ctx, { cartId })).rejects.toMatchObject({ kind: "Conflict" });
    expect(await cartStatus(t.db, cartId)).toBe("active");

    const order = await createOrderFromCart(ctx, { cartId });
    // Two pairs, 2400 g: Ground 5.50 + 4 × 0.90, the price of what was ordered.
    expect((await orderRows(order.orderId)).order).toMatchObject({ subtotal: 2400, shipping: 910 });
    expect(lockFree).toEqual([true, true]);
  });

  it("charges no shipping for a cart of goods that need none, with no method chosen", async () => {
    const giftCard = await insertVariant(t.db, shop.categoryId, { priceAmount: 2500, requiresShipping: false, stock: [{ warehouseId: shop.east, onHand: 5 }] });
    const cartId = await insertCart(t.db, { lines: [{ variantId: giftCard, quantity: 1 }] });
    await t.db.execute(sql`update carts set shipping_method = null where id = ${cartId}`);
    const order = await createOrderFromCart(as(anonymous, cartId), { cartId });
    expect((await orderRows(order.orderId)).order).toMatchObject({ subtotal: 2500, shipping: 0, total: 2500, shippingMethod: "none" });
  });

  it("prices yen shipping in whole yen", async () => {
    const teapot = await insertVariant(t.db, shop.categoryId, { priceAmount: 3000, currency: "JPY", weightGrams: 400, stock: [{ warehouseId: shop.east, onHand: 5 }] });
    const cartId = await insertCart(t.db, { lines: [{ variantId: teapot, quantity: 1 }] });
    const tokyo = { name: "Chie", line1: "1-1 Marunouchi", city: "Tokyo", postalCode: "100-0005", country: "JP" };
    await t.db.execute(sql`update carts set shipping_address = ${JSON.stringify(tokyo)}::jsonb where id = ${cartId}`);
    const order = await createOrderFromCart(as(anonymous, cartId), { cartId });
    // Ground, far zone: 22 dollars at the simulator's 150 yen to the dollar.
    expect((await orderRows(order.orderId)).order).toMatchObject({ currency: "JPY", subtotal: 3000, shipping: 3300, total: 6300 });
  });

  it("answers BAD_REQUEST, writing nothing, when the total is more than one payment can take", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { priceAmount: MAX_CHARGE_AMOUNT, stock: [{ warehouseId: shop.east, onHand: 100 }] });
    const cartId = await insertCart(t.db, { lines: [{ variantId, quantity: 99 }] });
    const guest = createCaller({ db: t.db, actor: anonymous, guestCartId: cartId, carrier });

    const error = await clientError(guest.checkout.placeOrder({ cartId }));
    expect(error).toMatchObject({ code: "BAD_REQUEST", domainError: "Invalid" });
    await expect(guest.checkout.placeOrder({ cartId })).rejects.toThrow(/more than \$999,999\.99, the most one payment can take/);
    const [orders] = await t.db.execute<{ count: number }>(sql`select count(*)::int as count from orders where cart_id = ${cartId}`);
    expect(orders!.count).toBe(0);
    expect(await cartStatus(t.db, cartId)).toBe("active");
    expect((await stockOf(t.db, variantId)).levels[0]!.reserved).toBe(0);

    const single = await insertCart(t.db, { lines: [{ variantId, quantity: 1 }] });
    expect(await createOrderFromCart(as(anonymous, single), { cartId: single })).toMatchObject({ totalAmount: MAX_CHARGE_AMOUNT });
  });

  it("refuses a cart holding a product that is no longer sold", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { title: "Old lamp", stock: [{ warehouseId: shop.east, onHand: 3 }] });
    await t.db.execute(sql`update products set status = 'archived' where id = (select product_id from variants where id = ${variantId})`);
    const cartId = await insertCart(t.db, { lines: [{ variantId, quantity: 1 }] });
    await expect(createOrderFromCart(as(anonymous, cartId), { cartId })).rejects.toMatchObject({
      kind: "Conflict",
      message: "No longer sold: Old lamp / Default",
    });
  });
});
