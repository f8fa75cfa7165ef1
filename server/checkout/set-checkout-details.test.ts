import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { clientError } from "../catalog/admin-test-fixtures";
import { browser } from "../cart/cart-test-fixtures";
import { address, insertShopper, insertVariant, seedShop } from "./checkout-test-fixtures";

const t = useTestDatabase();
let variantId: number;

beforeAll(async () => {
  const shop = await seedShop(t.db);
  variantId = await insertVariant(t.db, shop.categoryId, { priceAmount: 1000, stock: [{ warehouseId: shop.east, onHand: 20 }] });
});

async function guestWithCart() {
  const guest = browser(t.db);
  await guest.cart.add({ variantId, quantity: 1 });
  return guest;
}

describe("cart.setCheckoutDetails", () => {
  it("stores details step by step, keeping those not sent, normalised", async () => {
    const guest = await guestWithCart();
    await guest.cart.setCheckoutDetails({ email: "  Ada@Example.COM " });
    await guest.cart.setCheckoutDetails({ shippingAddress: { ...address, country: "gb", line2: "", phone: "" } });
    await guest.cart.setCheckoutDetails({ shippingMethod: "Express" });
    expect(await guest.cart.get()).toMatchObject({ email: "ada@example.com", shippingAddress: address, shippingMethod: "Express" });
  });

  it("answers BAD_REQUEST with the failing fields for a bad address, email or method, and extra fields", async () => {
    const guest = await guestWithCart();
    const bad = await clientError(guest.cart.setCheckoutDetails({ shippingAddress: { ...address, name: " ", postalCode: "", country: "QQ" } }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.zodIssues?.map((i) => i.path.join("."))).toEqual(["shippingAddress.name", "shippingAddress.postalCode", "shippingAddress.country"]);
    expect((await clientError(guest.cart.setCheckoutDetails({ email: "not-an-email" }))).code).toBe("BAD_REQUEST");
    expect((await clientError(guest.cart.setCheckoutDetails({ shippingMethod: "" }))).code).toBe("BAD_REQUEST");
    expect((await clientError(guest.cart.setCheckoutDetails({ shippingMethod: "Ground'; drop table carts" }))).code).toBe("BAD_REQUEST");
    const cartId = { cartId: crypto.randomUUID() } as { email?: string };
    expect((await clientError(guest.cart.setCheckoutDetails(cartId))).code).toBe("BAD_REQUEST");
    expect(await guest.cart.get()).toMatchObject({ email: null, shippingAddress: null, shippingMethod: null });
  });

  it("keeps a phone number in E.164, read in the address's country, and refuses one that cannot be a number there", async () => {
    const guest = await guestWithCart();
    await guest.cart.setCheckoutDetails({ shippingAddress: { ...address, phone: "07700 900123" } });
    expect((await guest.cart.get())?.shippingAddress?.phone).toBe("+447700900123");
    const bad = await clientError(guest.cart.setCheckoutDetails({ shippingAddress: { ...address, phone: "12345" } }));
    expect(bad.zodIssues?.map((i) => [i.path.join("."), i.message])).toEqual([["shippingAddress.phone", "Enter the phone number with its country code, like +44 7700 900123"]]);
  });

  it("answers NOT_FOUND to a caller with no cart", async () => {
    expect((await clientError(browser(t.db).cart.setCheckoutDetails({ shippingMethod: "Ground" }))).code).toBe("NOT_FOUND");
    const shopper = browser(t.db, { type: "shopper", userId: await insertShopper(t.db) });
    expect((await clientError(shopper.cart.setCheckoutDetails({ shippingMethod: "Ground" }))).code).toBe("NOT_FOUND");
  });
});
