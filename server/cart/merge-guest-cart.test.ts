import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { carts } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { address, insertShopper, insertVariant, seedShop } from "../checkout/checkout-test-fixtures";
import { browser } from "./cart-test-fixtures";
import { mergeGuestCart } from "./merge-guest-cart";

const t = useTestDatabase({ max: 20 });
let shop: Awaited<ReturnType<typeof seedShop>>;
let shirt: number;
let mug: number;
let lamp: number;

beforeAll(async () => {
  shop = await seedShop(t.db);
  shirt = await insertVariant(t.db, shop.categoryId, { title: "Shirt", stock: [{ warehouseId: shop.east, onHand: 500 }] });
  mug = await insertVariant(t.db, shop.categoryId, { title: "Mug", stock: [{ warehouseId: shop.east, onHand: 4 }] });
  lamp = await insertVariant(t.db, shop.categoryId, { title: "Lamp", stock: [{ warehouseId: shop.east, onHand: 9 }] });
});

const statusOf = async (cartId: string) => (await t.db.select({ status: carts.status }).from(carts).where(eq(carts.id, cartId)))[0]?.status;
const quantities = (cart: { lines: { variantId: number; quantity: number }[] } | null) =>
  Object.fromEntries(cart?.lines.map((l) => [l.variantId, l.quantity]) ?? []);

/** A shopper whose own cart already holds `own`, browsing as a guest who put `guest` in the cart before signing in. */
async function shopperWithGuestCart(own: Record<number, number>, guest: Record<number, number>) {
  const userId = await insertShopper(t.db);
  const signedIn = browser(t.db, { type: "shopper", userId });
  for (const [variantId, quantity] of Object.entries(own)) await signedIn.cart.add({ variantId: Number(variantId), quantity });
  const visitor = browser(t.db);
  for (const [variantId, quantity] of Object.entries(guest)) await visitor.cart.add({ variantId: Number(variantId), quantity });
  const guestCartId = visitor.cookie!;
  visitor.signIn(userId);
  return { userId, visitor, guestCartId };
}

describe("merging a guest cart on sign-in", () => {
  it("sums quantities into the shopper's cart on the first cart call, marks the guest cart merged and clears the cookie", async () => {
    const { visitor, guestCartId } = await shopperWithGuestCart({ [shirt]: 2, [lamp]: 1 }, { [shirt]: 3, [mug]: 1 });
    const cart = await visitor.cart.summary().then(() => visitor.cart.get());
    expect(quantities(cart)).toEqual({ [shirt]: 5, [lamp]: 1, [mug]: 1 });
    expect(visitor.cookie).toBeNull();
    expect(await statusOf(guestCartId)).toBe("merged");
  });

  it("caps summed quantities at the stock available and at 99, never below what either cart held", async () => {
    const { visitor } = await shopperWithGuestCart({ [shirt]: 60, [mug]: 3, [lamp]: 4 }, { [shirt]: 60, [mug]: 3, [lamp]: 9 });
    expect(quantities(await visitor.cart.get())).toEqual({ [shirt]: 99, [mug]: 4, [lamp]: 9 });
  });

  it("gives a shopper with no cart the guest's lines and checkout details", async () => {
    const userId = await insertShopper(t.db);
    const visitor = browser(t.db);
    await visitor.cart.add({ variantId: mug, quantity: 2 });
    await visitor.cart.setCheckoutDetails({ email: "guest@example.com", shippingAddress: address, shippingMethod: "Express" });
    visitor.signIn(userId);
    const cart = await visitor.cart.get();
    expect(quantities(cart)).toEqual({ [mug]: 2 });
    expect(cart).toMatchObject({ email: "guest@example.com", shippingAddress: address, shippingMethod: "Express" });
  });

  it("is idempotent: merging the same guest cart again changes nothing", async () => {
    const { userId, guestCartId, visitor } = await shopperWithGuestCart({ [shirt]: 1 }, { [shirt]: 2 });
    const ctx = { db: t.db, actor: { type: "shopper" as const, userId } };
    expect(await mergeGuestCart(ctx, { guestCartId })).toEqual({ merged: true });
    expect(await mergeGuestCart(ctx, { guestCartId })).toEqual({ merged: false });
    expect(quantities(await visitor.cart.get())).toEqual({ [shirt]: 3 });
  });

  it("leaves one active cart and one merge when many merges of the same guest cart race", async () => {
    const { userId, guestCartId, visitor } = await shopperWithGuestCart({}, { [shirt]: 2, [mug]: 1 });
    const ctx = { db: t.db, actor: { type: "shopper" as const, userId } };
    const results = await Promise.all(Array.from({ length: 12 }, () => mergeGuestCart(ctx, { guestCartId })));
    expect(results.filter((r) => r.merged)).toHaveLength(1);
    const active = await t.db.select().from(carts).where(eq(carts.userId, userId));
    expect(active.filter((c) => c.status === "active")).toHaveLength(1);
    expect(quantities(await visitor.cart.get())).toEqual({ [shirt]: 2, [mug]: 1 });
  });

  it("treats the cookie of a merged guest cart as no cart after signing out, and refuses merges to guests", async () => {
    const { guestCartId, userId } = await shopperWithGuestCart({}, { [lamp]: 1 });
    await mergeGuestCart({ db: t.db, actor: { type: "shopper", userId } }, { guestCartId });
    const signedOut = browser(t.db, { type: "anonymous" }, guestCartId);
    expect(await signedOut.cart.get()).toBeNull();
    await signedOut.cart.add({ variantId: lamp, quantity: 2 });
    expect(signedOut.cookie).not.toBe(guestCartId);
    await expect(mergeGuestCart({ db: t.db, actor: { type: "anonymous" } }, { guestCartId: signedOut.cookie! })).rejects.toThrow("sign in");
    expect(quantities(await browser(t.db, { type: "shopper", userId }).cart.get())).toEqual({ [lamp]: 1 });
  });
});
