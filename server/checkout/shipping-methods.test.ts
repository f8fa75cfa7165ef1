import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { browser } from "../cart/cart-test-fixtures";
import { insertVariant, seedShop } from "./checkout-test-fixtures";
import { shippingMethodsFor } from "./shipping-methods";

const t = useTestDatabase();
let variantId: number;

beforeAll(async () => {
  const shop = await seedShop(t.db);
  variantId = await insertVariant(t.db, shop.categoryId, { priceAmount: 1000, stock: [{ warehouseId: shop.east, onHand: 20 }] });
});

describe("shippingMethodsFor", () => {
  it("makes standard shipping free from exactly 50.00 of goods", () => {
    expect(shippingMethodsFor(4999, "EUR")[0]).toMatchObject({ id: "standard", amount: 499, currency: "EUR" });
    expect(shippingMethodsFor(5000, "EUR")[0]).toMatchObject({ id: "standard", amount: 0 });
  });

  it("prices yen without minor units: standard ¥500, express ¥1500, standard free from ¥5000", () => {
    expect(shippingMethodsFor(4999, "JPY").map((m) => [m.id, m.amount, m.currency])).toEqual([
      ["standard", 500, "JPY"],
      ["express", 1500, "JPY"],
    ]);
    expect(shippingMethodsFor(5000, "JPY")[0]).toMatchObject({ id: "standard", amount: 0 });
  });

  it("prices Kuwaiti dinars in fils: standard 1.500 KWD, express 4.500, standard free from 15.000", () => {
    expect(shippingMethodsFor(14_999, "KWD").map((m) => [m.id, m.amount])).toEqual([
      ["standard", 1500],
      ["express", 4500],
    ]);
    expect(shippingMethodsFor(15_000, "KWD")[0]).toMatchObject({ id: "standard", amount: 0 });
  });

  it("reads a currency without rates of its own with its own exponent", () => {
    expect(shippingMethodsFor(0, "ISK").map((m) => m.amount)).toEqual([5, 15]);
    expect(shippingMethodsFor(0, "BHD").map((m) => m.amount)).toEqual([4990, 14_990]);
  });
});

describe("cart.shippingMethods", () => {
  it("prices standard shipping free from 50.00 of goods and express at 14.99", async () => {
    const guest = browser(t.db);
    expect((await guest.cart.shippingMethods()).map((m) => [m.id, m.amount])).toEqual([
      ["standard", 499],
      ["express", 1499],
    ]);
    await guest.cart.add({ variantId, quantity: 1 });
    expect(await guest.cart.shippingMethods()).toEqual([
      { id: "standard", name: "Standard", amount: 499, currency: "USD", estimate: "3–5 business days" },
      { id: "express", name: "Express", amount: 1499, currency: "USD", estimate: "1–2 business days" },
    ]);
    await guest.cart.updateLine({ variantId, quantity: 5 });
    expect((await guest.cart.shippingMethods()).map((m) => [m.id, m.amount])).toEqual([
      ["standard", 0],
      ["express", 1499],
    ]);
  });
});
