import { describe, expect, it } from "vitest";
import { browser } from "../cart/cart-test-fixtures";
import { clientError } from "../catalog/admin-test-fixtures";
import { useTestDatabase } from "@/test/db";
import { address, insertVariant, seedShop } from "./checkout-test-fixtures";
import { ShippingAddress } from "./details-schemas";

const base = { name: "Ada", line1: "1 Main St", city: "Somewhere" };

/** The field errors an address gets, as "path: message". */
function errorsOf(input: Record<string, string>) {
  const parsed = ShippingAddress.safeParse({ ...base, ...input });
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("ShippingAddress per country", () => {
  it.each([
    ["US", "04101", "ME"],
    ["US", "04101-1234", "me"],
    ["CA", "M5H 1J9", "ON"],
    ["CA", "m5h1j9", "QC"],
    ["GB", "SW1Y 4JH", ""],
    ["GB", "EC1A 1BB", ""],
    ["GB", "N1 1AA", ""],
    ["GB", "GIR 0AA", ""],
    ["DE", "10115", ""],
    ["FR", "75001", ""],
    ["AU", "2000", "NSW"],
    ["JP", "100-0005", ""],
    ["SE", "111 51", ""],
  ])("accepts %s %s", (country, postalCode, region) => {
    expect(errorsOf({ country, postalCode, region })).toEqual({});
  });

  it.each([
    ["US", "4101", "ME"],
    ["US", "04101-12", "ME"],
    ["CA", "D5H 1J9", "ON"],
    ["GB", "SW1Y 4J", ""],
    ["GB", "12345", ""],
    ["GB", "QW1 1AA", ""],
    ["DE", "1011", ""],
    ["FR", "750011", ""],
    ["AU", "20000", "NSW"],
    ["JP", "1000005", ""],
  ])("refuses %s postal code %s beside the field", (country, postalCode, region) => {
    expect(errorsOf({ country, postalCode, region })).toEqual({ postalCode: expect.stringMatching(/^Enter a postal code like /) });
  });

  it("requires a known state, province or territory in the US, Canada and Australia", () => {
    expect(errorsOf({ country: "US", postalCode: "04101", region: "" })).toEqual({ region: "Enter the state" });
    expect(errorsOf({ country: "US", postalCode: "04101", region: "Maine" })).toEqual({ region: expect.stringContaining("as its code") });
    expect(errorsOf({ country: "CA", postalCode: "M5H 1J9" })).toEqual({ region: "Enter the province or territory" });
    expect(errorsOf({ country: "CA", postalCode: "M5H 1J9", region: "TX" })).toEqual({ region: expect.any(String) });
    expect(errorsOf({ country: "AU", postalCode: "2000", region: "XYZ" })).toEqual({ region: expect.any(String) });
    expect(errorsOf({ country: "GB", postalCode: "SW1Y 4JH", region: "Greater London" })).toEqual({});
  });

  it("stores codes upper-cased, with the inward code spaced off in the UK and Canada", () => {
    expect(ShippingAddress.parse({ ...base, country: "gb", postalCode: "sw1y4jh" })).toMatchObject({ postalCode: "SW1Y 4JH", country: "GB" });
    expect(ShippingAddress.parse({ ...base, country: "CA", postalCode: "m5h1j9", region: "on" })).toMatchObject({
      postalCode: "M5H 1J9",
      region: "ON",
    });
    expect(ShippingAddress.parse({ ...base, country: "GB", postalCode: "N1 1AA", region: "Islington" })).toMatchObject({ region: "Islington" });
  });
});

describe("cart.setCheckoutDetails with a per-country address", () => {
  const t = useTestDatabase();

  it("refuses an invalid UK postcode with the error on shippingAddress.postalCode and keeps nothing", async () => {
    const shop = await seedShop(t.db);
    const variantId = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 5 }] });
    const guest = browser(t.db);
    await guest.cart.add({ variantId, quantity: 1 });
    const refused = await clientError(guest.cart.setCheckoutDetails({ shippingAddress: { ...address, postalCode: "SW1Y 4J" } }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.zodIssues?.map((i) => [i.path.join("."), i.message])).toEqual([
      ["shippingAddress.postalCode", "Enter a postal code like SW1A 1AA"],
    ]);
    expect(await guest.cart.get()).toMatchObject({ shippingAddress: null });
  });
});
