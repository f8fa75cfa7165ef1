import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { products, stockLevels, variants } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { adminCaller, formOf } from "../catalog/admin-test-fixtures";
import { insertProduct } from "../catalog/test-fixtures";
import { insertVariant, seedShop } from "../checkout/checkout-test-fixtures";
import { browser } from "./cart-test-fixtures";

const t = useTestDatabase();
let shop: Awaited<ReturnType<typeof seedShop>>;

beforeAll(async () => {
  shop = await seedShop(t.db);
});

async function productOf(variantId: number) {
  const [row] = await t.db.select({ id: variants.productId }).from(variants).where(eq(variants.id, variantId));
  return row!.id;
}

describe("cart.get", () => {
  it("shows each line with its product, variant, image and today's price", async () => {
    const product = await insertProduct(t.db, {
      categoryId: shop.categoryId,
      slug: "linen-shirt",
      title: "Linen shirt",
      images: [{ url: "https://img.test/linen.jpg" }, { url: "https://img.test/back.jpg" }],
      variants: [{ sku: "LIN-M", title: "M", optionValues: { size: "M" }, priceAmount: 3900, currency: "EUR", stock: [{ warehouseId: shop.east, onHand: 7 }] }],
    });
    const guest = browser(t.db);
    await guest.cart.add({ variantId: product.variantIds[0]!, quantity: 2 });
    expect(await guest.cart.get()).toEqual({
      id: guest.cookie,
      lines: [
        {
          variantId: product.variantIds[0],
          productSlug: "linen-shirt",
          productTitle: "Linen shirt",
          variantTitle: "M",
          sku: "LIN-M",
          imageUrl: "https://img.test/linen.jpg",
          unitAmount: 3900,
          currency: "EUR",
          quantity: 2,
          lineAmount: 7800,
          available: 7,
          priceChanged: false,
          previousUnitAmount: null,
          shortBy: 0,
        },
      ],
      subtotal: 7800,
      currency: "EUR",
      itemCount: 2,
      email: null,
      shippingAddress: null,
      shippingMethod: null,
    });
  });

  it("re-prices lines after an admin changes a price and flags the change once", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { priceAmount: 2000, stock: [{ warehouseId: shop.east, onHand: 5 }] });
    const guest = browser(t.db);
    await guest.cart.add({ variantId, quantity: 3 });

    const admin = adminCaller(t.db);
    const product = await admin.adminProducts.get({ id: await productOf(variantId) });
    const form = formOf(product);
    await admin.adminProducts.update({ ...form, variants: form.variants.map((v) => ({ ...v, priceAmount: 2400 })) });

    const changed = await guest.cart.get();
    expect(changed?.lines[0]).toMatchObject({ unitAmount: 2400, lineAmount: 7200, priceChanged: true, previousUnitAmount: 2000 });
    expect(changed?.subtotal).toBe(7200);

    const seen = await guest.cart.get();
    expect(seen?.lines[0]).toMatchObject({ unitAmount: 2400, priceChanged: false, previousUnitAmount: null });
  });

  it("flags a line short of stock by how many units, and a product taken off sale as wholly short", async () => {
    const mug = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 4 }, { warehouseId: shop.west, onHand: 2 }] });
    const vase = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 9 }] });
    const guest = browser(t.db);
    await guest.cart.add({ variantId: mug, quantity: 5 });
    await guest.cart.add({ variantId: vase, quantity: 2 });

    await t.db.update(stockLevels).set({ reserved: 3 }).where(and(eq(stockLevels.variantId, mug), eq(stockLevels.warehouseId, shop.east)));
    await t.db.update(stockLevels).set({ reserved: 2 }).where(and(eq(stockLevels.variantId, mug), eq(stockLevels.warehouseId, shop.west)));
    await t.db.update(products).set({ status: "archived" }).where(eq(products.id, await productOf(vase)));

    const cart = await guest.cart.get();
    expect(cart?.lines.map((l) => [l.variantId, l.available, l.shortBy])).toEqual([
      [mug, 1, 4],
      [vase, 0, 2],
    ]);
  });

  it("names the chosen shipping service without pricing it: shipping is quoted by cart.shippingMethods", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { priceAmount: 1200, stock: [{ warehouseId: shop.east, onHand: 9 }] });
    const guest = browser(t.db);
    await guest.cart.add({ variantId, quantity: 2 });
    await guest.cart.setCheckoutDetails({ shippingMethod: "Ground" });
    const cart = await guest.cart.get();
    expect(cart).toMatchObject({ subtotal: 2400, shippingMethod: "Ground" });
    expect(cart).not.toHaveProperty("shippingAmount");
  });
});
