import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { carts, stockLevels } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { clientError } from "../catalog/admin-test-fixtures";
import { insertProduct } from "../catalog/test-fixtures";
import { insertShopper, insertVariant, seedShop } from "../checkout/checkout-test-fixtures";
import { browser } from "./cart-test-fixtures";

const t = useTestDatabase();
let shop: Awaited<ReturnType<typeof seedShop>>;
let shirt: number;
let mug: number;

beforeAll(async () => {
  shop = await seedShop(t.db);
  shirt = await insertVariant(t.db, shop.categoryId, { title: "Shirt", priceAmount: 2500, stock: [{ warehouseId: shop.east, onHand: 150 }] });
  mug = await insertVariant(t.db, shop.categoryId, {
    title: "Mug",
    priceAmount: 900,
    stock: [
      { warehouseId: shop.east, onHand: 2 },
      { warehouseId: shop.west, onHand: 3 },
    ],
  });
});

describe("cart.add", () => {
  it("gives a guest a cart on the first add, remembered in the cookie, and sums later adds of the same variant", async () => {
    const guest = browser(t.db);
    expect(await guest.cart.get()).toBeNull();
    const first = await guest.cart.add({ variantId: shirt, quantity: 2 });
    expect(first).toEqual({ cartId: expect.any(String), variantId: shirt, quantity: 2, notice: null });
    expect(guest.cookie).toBe(first.cartId);

    await guest.cart.add({ variantId: shirt, quantity: 3 });
    await guest.cart.add({ variantId: mug });
    const cart = await guest.cart.get();
    expect(cart?.id).toBe(first.cartId);
    expect(cart?.lines.map((l) => [l.productTitle, l.quantity, l.unitAmount, l.lineAmount])).toEqual([
      ["Shirt", 5, 2500, 12500],
      ["Mug", 1, 900, 900],
    ]);
    expect(cart).toMatchObject({ subtotal: 13400, itemCount: 6, currency: "USD" });
    expect(await guest.cart.summary()).toEqual({ itemCount: 6 });
  });

  it("refuses quantities outside 1..99, fractions and extra fields", async () => {
    const guest = browser(t.db);
    for (const quantity of [0, 100, 2.5, -1]) {
      expect((await clientError(guest.cart.add({ variantId: shirt, quantity }))).code).toBe("BAD_REQUEST");
    }
    const withPrice = { variantId: shirt, quantity: 1, unitAmount: 1 } as { variantId: number; quantity: number };
    expect((await clientError(guest.cart.add(withPrice))).code).toBe("BAD_REQUEST");
    expect(guest.cookie).toBeNull();
  });

  it("answers NOT_FOUND for an unknown variant or one whose product is not on sale, and makes no cart", async () => {
    const draft = await insertProduct(t.db, { categoryId: shop.categoryId, status: "draft" });
    const archived = await insertProduct(t.db, { categoryId: shop.categoryId, status: "archived" });
    const guest = browser(t.db);
    for (const variantId of [999_999, draft.variantIds[0]!, archived.variantIds[0]!]) {
      expect((await clientError(guest.cart.add({ variantId, quantity: 1 }))).code).toBe("NOT_FOUND");
    }
    expect(guest.cookie).toBeNull();
  });

  it("caps a line at 99 and at the stock available, saying so, and never lowers a line", async () => {
    const guest = browser(t.db);
    await guest.cart.add({ variantId: shirt, quantity: 60 });
    expect(await guest.cart.add({ variantId: shirt, quantity: 60 })).toMatchObject({ quantity: 99, notice: "You can buy at most 99 of Shirt." });

    expect(await guest.cart.add({ variantId: mug, quantity: 4 })).toMatchObject({ quantity: 4, notice: null });
    expect(await guest.cart.add({ variantId: mug, quantity: 4 })).toMatchObject({ quantity: 5, notice: "Only 5 of Mug available: your cart has 5." });

    const lamp = await insertVariant(t.db, shop.categoryId, { title: "Lamp", stock: [{ warehouseId: shop.east, onHand: 4 }] });
    await guest.cart.add({ variantId: lamp, quantity: 4 });
    await t.db.update(stockLevels).set({ onHand: 1 }).where(eq(stockLevels.variantId, lamp));
    expect(await guest.cart.add({ variantId: lamp, quantity: 1 })).toMatchObject({ quantity: 4, notice: "Only 1 of Lamp available: your cart has 4." });
  });

  it("refuses an out-of-stock variant with CONFLICT and the product's name", async () => {
    const empty = await insertVariant(t.db, shop.categoryId, { title: "Sold-out scarf", stock: [{ warehouseId: shop.east, onHand: 0 }] });
    const error = clientError(browser(t.db).cart.add({ variantId: empty, quantity: 1 }));
    expect(await error).toMatchObject({ code: "CONFLICT", domainError: "OutOfStock" });
    await expect(browser(t.db).cart.add({ variantId: empty, quantity: 1 })).rejects.toThrow("Sold-out scarf is out of stock.");
  });

  it("makes one cart per signed-in shopper however many adds race", async () => {
    const userId = await insertShopper(t.db);
    const shopper = browser(t.db, { type: "shopper", userId });
    const results = await Promise.all(Array.from({ length: 10 }, () => shopper.cart.add({ variantId: shirt, quantity: 1 })));
    expect(new Set(results.map((r) => r.cartId)).size).toBe(1);
    expect(shopper.cookie).toBeNull();
    expect(await t.db.select().from(carts).where(eq(carts.userId, userId))).toHaveLength(1);
    expect((await shopper.cart.get())?.lines[0]?.quantity).toBe(10);
  });
});

describe("cart.updateLine and cart.removeLine", () => {
  it("changes a quantity down freely and up only as far as the stock", async () => {
    const guest = browser(t.db);
    await guest.cart.add({ variantId: mug, quantity: 1 });
    expect(await guest.cart.updateLine({ variantId: mug, quantity: 2 })).toMatchObject({ quantity: 2, notice: null });
    expect(await guest.cart.updateLine({ variantId: mug, quantity: 9 })).toMatchObject({ quantity: 5, notice: "Only 5 of Mug available: your cart has 5." });
    expect(await guest.cart.updateLine({ variantId: mug, quantity: 1 })).toMatchObject({ quantity: 1, notice: null });
    expect((await guest.cart.get())?.lines.map((l) => l.quantity)).toEqual([1]);
  });

  it("refuses bad quantities and lines that are not in the cart", async () => {
    const guest = browser(t.db);
    await guest.cart.add({ variantId: shirt, quantity: 1 });
    for (const quantity of [0, 100, 2.5]) {
      expect((await clientError(guest.cart.updateLine({ variantId: shirt, quantity }))).code).toBe("BAD_REQUEST");
    }
    expect((await clientError(guest.cart.updateLine({ variantId: mug, quantity: 1 }))).code).toBe("NOT_FOUND");
    expect((await clientError(browser(t.db).cart.updateLine({ variantId: shirt, quantity: 1 }))).code).toBe("NOT_FOUND");
  });

  it("removes a line; removing it again changes nothing", async () => {
    const guest = browser(t.db);
    await guest.cart.add({ variantId: shirt, quantity: 1 });
    await guest.cart.add({ variantId: mug, quantity: 1 });
    expect(await guest.cart.removeLine({ variantId: shirt })).toEqual({ removed: true });
    expect(await guest.cart.removeLine({ variantId: shirt })).toEqual({ removed: false });
    expect((await guest.cart.get())?.lines.map((l) => l.variantId)).toEqual([mug]);
  });
});

describe("cart authorisation", () => {
  it("keeps each shopper to their own cart", async () => {
    const [alice, bob] = [await insertShopper(t.db), await insertShopper(t.db)];
    const aliceBrowser = browser(t.db, { type: "shopper", userId: alice });
    const bobBrowser = browser(t.db, { type: "shopper", userId: bob });
    await aliceBrowser.cart.add({ variantId: shirt, quantity: 2 });

    expect(await bobBrowser.cart.get()).toBeNull();
    expect((await clientError(bobBrowser.cart.updateLine({ variantId: shirt, quantity: 9 }))).code).toBe("NOT_FOUND");
    expect(await bobBrowser.cart.removeLine({ variantId: shirt })).toEqual({ removed: false });
    expect((await clientError(bobBrowser.cart.setCheckoutDetails({ email: "bob@example.com" }))).code).toBe("NOT_FOUND");
    expect(await browser(t.db).cart.get()).toBeNull();

    const cart = await aliceBrowser.cart.get();
    expect(cart?.lines.map((l) => l.quantity)).toEqual([2]);
    expect(cart?.email).toBeNull();
  });

  it("does not let a signed-in shopper reach a guest cart other than by merging it", async () => {
    const guest = browser(t.db);
    await guest.cart.add({ variantId: shirt, quantity: 1 });
    const userId = await insertShopper(t.db);
    const shopper = browser(t.db, { type: "shopper", userId });
    expect(await shopper.cart.get()).toBeNull();
    expect(await shopper.cart.removeLine({ variantId: shirt })).toEqual({ removed: false });
    expect((await guest.cart.get())?.lines).toHaveLength(1);
  });
});
