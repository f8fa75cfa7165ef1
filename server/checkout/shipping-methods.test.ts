import { beforeAll, describe, expect, it } from "vitest";
import { formatMoney } from "@/app/_components/format-money";
import { useTestDatabase } from "@/test/db";
import { browser } from "../cart/cart-test-fixtures";
import type { Carrier } from "../shipping/carrier";
import { address, insertVariant, seedShop } from "./checkout-test-fixtures";
import { quoteShipping } from "./quote-shipping";

const t = useTestDatabase();
let shop: Awaited<ReturnType<typeof seedShop>>;

beforeAll(async () => {
  shop = await seedShop(t.db);
});

const stock = () => [{ warehouseId: shop.east, onHand: 50 }];
const priced = (methods: { id: string; amount: number }[]) => methods.map((m) => [m.id, m.amount]);

// The carrier simulator's prices from the shop in Bristol: a base per zone plus a step per started 500 g after the first.
describe("cart.shippingMethods", () => {
  it("quotes an estimate to the currency's home market until the cart has an address, then to the address", async () => {
    const boots = await insertVariant(t.db, shop.categoryId, { priceAmount: 1000, weightGrams: 1200, stock: stock() });
    const guest = browser(t.db);
    await guest.cart.add({ variantId: boots, quantity: 1 });
    const estimate = await guest.cart.shippingMethods();
    // 1200 g to the United States (far): three steps.
    expect(estimate).toMatchObject({ needsShipping: true, estimateFor: "US", addressErrors: null });
    expect(priced(estimate.methods)).toEqual([
      ["Ground", 3040],
      ["Priority", 4840],
      ["Express", 7880],
    ]);
    expect(estimate.methods[0]).toEqual({ id: "Ground", name: "Ground", amount: 3040, currency: "USD", estimate: "12 business days", deliveryDays: 12 });

    await guest.cart.setCheckoutDetails({ shippingAddress: address });
    const quoted = await guest.cart.shippingMethods();
    expect(quoted.estimateFor).toBeNull();
    // London (domestic): 5.50 + 2 × 0.90, 8.80 + 2 × 1.40, 14.30 + 2 × 2.30.
    expect(priced(quoted.methods)).toEqual([
      ["Ground", 730],
      ["Priority", 1160],
      ["Express", 1890],
    ]);
  });

  it("makes the cheapest option free from 50.00 of goods", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { priceAmount: 1000, stock: stock() });
    const guest = browser(t.db);
    await guest.cart.add({ variantId, quantity: 4 });
    await guest.cart.setCheckoutDetails({ shippingAddress: address });
    expect((await guest.cart.shippingMethods()).methods[0]).toMatchObject({ id: "Ground", amount: 550 });
    await guest.cart.updateLine({ variantId, quantity: 5 });
    expect(priced((await guest.cart.shippingMethods()).methods)).toEqual([
      ["Ground", 0],
      ["Priority", 880],
      ["Express", 1430],
    ]);
  });

  it("quotes yen in whole yen, with no minor units", async () => {
    const teapot = await insertVariant(t.db, shop.categoryId, { priceAmount: 3000, currency: "JPY", weightGrams: 400, stock: stock() });
    const guest = browser(t.db);
    await guest.cart.add({ variantId: teapot, quantity: 1 });
    await guest.cart.setCheckoutDetails({ shippingAddress: { name: "Chie", line1: "1-1 Marunouchi", city: "Tokyo", postalCode: "100-0005", country: "JP" } });
    const { methods } = await guest.cart.shippingMethods();
    // 22, 35 and 57 dollars at the simulator's 150 yen to the dollar: ¥3,300, not ¥330,000 read as cents.
    expect(methods.map((m) => [m.id, m.amount, m.currency])).toEqual([
      ["Ground", 3300, "JPY"],
      ["Priority", 5250, "JPY"],
      ["Express", 8550, "JPY"],
    ]);
    expect(methods.every((m) => Number.isInteger(m.amount))).toBe(true);
    expect(formatMoney(methods[0]!.amount, "JPY")).toBe("¥3,300");
  });

  it("offers no shipping for a cart of only goods that need none, and weighs only the posted goods in a mixed cart", async () => {
    const ebook = await insertVariant(t.db, shop.categoryId, { priceAmount: 900, weightGrams: 5000, requiresShipping: false, stock: stock() });
    const guest = browser(t.db);
    await guest.cart.add({ variantId: ebook, quantity: 2 });
    expect(await guest.cart.shippingMethods()).toEqual({ needsShipping: false, estimateFor: null, methods: [], addressErrors: null });

    const mug = await insertVariant(t.db, shop.categoryId, { priceAmount: 800, weightGrams: 300, stock: stock() });
    await guest.cart.add({ variantId: mug, quantity: 1 });
    await guest.cart.setCheckoutDetails({ shippingAddress: address });
    const mixed = await guest.cart.shippingMethods();
    expect(mixed.needsShipping).toBe(true);
    expect(mixed.methods[0]).toMatchObject({ id: "Ground", amount: 550 });
  });

  it("puts the carrier's refusal of the address on the address's fields", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { stock: stock() });
    const guest = browser(t.db);
    await guest.cart.add({ variantId, quantity: 1 });
    await guest.cart.setCheckoutDetails({ shippingAddress: { ...address, country: "US", region: "ME", city: "Portland", postalCode: "00000" } });
    expect(await guest.cart.shippingMethods()).toMatchObject({
      needsShipping: true,
      methods: [],
      addressErrors: { "shippingAddress.postalCode": expect.any(String) },
    });
  });
});

describe("quoteShipping", () => {
  it("leaves out rates the carrier gives in another currency than the one asked for", async () => {
    const rate = { carrierShipmentId: "shp_1", carrier: "Other", deliveryDays: 3 };
    const carrier = {
      quoteRates: async () => ({
        carrierShipmentId: "shp_1",
        rates: [
          { ...rate, id: "r1", service: "Economy", amount: 900, currency: "EUR" },
          { ...rate, id: "r2", service: "Standard", amount: 1200, currency: "USD" },
        ],
      }),
    } as unknown as Carrier;
    const methods = await quoteShipping(
      { db: t.db, actor: { type: "anonymous" }, carrier },
      { to: address, weightGrams: 100, currency: "USD", subtotal: 100, reference: "test" },
    );
    expect(priced(methods)).toEqual([["Standard", 1200]]);
  });
});
