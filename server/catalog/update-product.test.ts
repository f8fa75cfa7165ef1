import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { orderLines, products, stockLevels, variants } from "@/db/schema";
import { insertPendingOrder } from "@/server/checkout/checkout-test-fixtures";
import { useTestDatabase } from "@/test/db";
import { adminCaller, clientError, formOf, seedCatalogBasics, shirtInput } from "./admin-test-fixtures";

const t = useTestDatabase();
let basics: Awaited<ReturnType<typeof seedCatalogBasics>>;

beforeAll(async () => {
  basics = await seedCatalogBasics(t.db);
});

async function createShirt(slug: string) {
  const api = adminCaller(t.db);
  const { id } = await api.adminProducts.create(shirtInput(basics.categoryId, slug));
  const product = await api.adminProducts.get({ id });
  return { form: formOf(product), createdAt: product.createdAt, updatedAt: product.updatedAt };
}

describe("adminProducts.update", () => {
  it("edits, adds and removes variants, and the price range follows", async () => {
    const { form, createdAt, updatedAt } = await createShirt("evolving");
    const [medium, large] = form.variants;
    const api = adminCaller(t.db);

    await api.adminProducts.update({
      ...form,
      title: "Oxford shirt, relaxed",
      options: [{ name: "Size", values: ["M", "XL"] }],
      variants: [
        { ...medium!, priceAmount: 3900 },
        { sku: "EVOLVING-XL", title: "XL", optionValues: { size: "XL" }, priceAmount: 6900, currency: "EUR", weightGrams: 350 },
      ],
    });

    const after = await api.adminProducts.get({ id: form.id });
    expect(after.title).toBe("Oxford shirt, relaxed");
    expect(after.options).toEqual([{ name: "Size", values: ["M", "XL"] }]);
    expect(after.variants.map((v) => [v.sku, v.priceAmount])).toEqual([
      ["EVOLVING-M", 3900],
      ["EVOLVING-XL", 6900],
    ]);
    expect(after.variants[0]!.id).toBe(medium!.id);
    expect(after.createdAt).toEqual(createdAt);
    expect(after.updatedAt.getTime()).toBeGreaterThan(updatedAt.getTime());

    const [row] = await t.db.select().from(products).where(eq(products.id, form.id));
    expect(row).toMatchObject({ priceMin: 3900, priceMax: 6900, currency: "EUR" });
    expect(await t.db.select().from(variants).where(eq(variants.id, large!.id))).toHaveLength(0);
    const stock = await t.db.select().from(stockLevels).where(inArray(stockLevels.variantId, [large!.id, after.variants[1]!.id]));
    expect(stock.map((s) => s.variantId)).toEqual(basics.warehouseIds.map(() => after.variants[1]!.id));
  });

  it("follows a change of currency across all variants", async () => {
    const { form } = await createShirt("in-dollars");
    await adminCaller(t.db).adminProducts.update({ ...form, variants: form.variants.map((v) => ({ ...v, currency: "USD", priceAmount: 1000 })) });
    const [row] = await t.db.select().from(products).where(eq(products.id, form.id));
    expect(row).toMatchObject({ priceMin: 1000, priceMax: 1000, currency: "USD" });
  });

  it("lets a new variant reuse the SKU of a variant removed in the same update", async () => {
    const { form } = await createShirt("reused-sku");
    const [, large] = form.variants;
    const { id, ...replacement } = large!;
    await adminCaller(t.db).adminProducts.update({ ...form, variants: [form.variants[0]!, { ...replacement, priceAmount: 100 }] });
    const after = await adminCaller(t.db).adminProducts.get({ id: form.id });
    expect(after.variants[1]).toMatchObject({ sku: large!.sku, priceAmount: 100 });
    expect(after.variants[1]!.id).not.toBe(id);
  });

  it("answers CONFLICT when removing a variant that has been ordered, and keeps it", async () => {
    const { form } = await createShirt("ordered-shirt");
    const [medium, large] = form.variants;
    const orderId = await insertPendingOrder(t.db);
    await t.db.insert(orderLines).values({
      orderId,
      variantId: large!.id!,
      sku: large!.sku,
      productTitle: form.title,
      variantTitle: large!.title,
      unitAmount: large!.priceAmount,
      quantity: 1,
      lineAmount: large!.priceAmount,
    });
    const error = await clientError(adminCaller(t.db).adminProducts.update({ ...form, variants: [medium!] }));
    expect(error).toMatchObject({ code: "CONFLICT", fieldErrors: { variants: "Ordered variants cannot be removed" } });
    const after = await adminCaller(t.db).adminProducts.get({ id: form.id });
    expect(after.variants.map((v) => v.sku)).toEqual([medium!.sku, large!.sku]);
  });

  it("answers CONFLICT on slug when renaming to another product's slug", async () => {
    await createShirt("first-slug");
    const { form } = await createShirt("second-slug");
    const error = await clientError(adminCaller(t.db).adminProducts.update({ ...form, slug: "first-slug" }));
    expect(error).toMatchObject({ code: "CONFLICT", fieldErrors: { slug: "That slug is taken" } });
  });

  it("answers CONFLICT on the variant given another product's SKU, and changes nothing", async () => {
    await createShirt("sku-holder");
    const { form } = await createShirt("sku-taker");
    const variantsIn = [form.variants[0]!, { ...form.variants[1]!, sku: "SKU-HOLDER-L" }];
    const error = await clientError(adminCaller(t.db).adminProducts.update({ ...form, title: "Changed", variants: variantsIn }));
    expect(error).toMatchObject({ code: "CONFLICT", fieldErrors: { "variants.1.sku": "SKU SKU-HOLDER-L is already used" } });
    expect((await adminCaller(t.db).adminProducts.get({ id: form.id })).title).toBe("Oxford shirt");
  });

  it("answers NOT_FOUND for a variant id of another product, and leaves both products alone", async () => {
    const { form: other } = await createShirt("victim");
    const { form } = await createShirt("intruder");
    const hijack = { ...form.variants[1]!, id: other.variants[0]!.id, sku: "HIJACKED" };
    const error = await clientError(adminCaller(t.db).adminProducts.update({ ...form, title: "Changed", variants: [form.variants[0]!, hijack] }));
    expect(error.code).toBe("NOT_FOUND");
    expect((await adminCaller(t.db).adminProducts.get({ id: other.id })).variants[0]!.sku).toBe("VICTIM-M");
    expect((await adminCaller(t.db).adminProducts.get({ id: form.id })).title).toBe("Oxford shirt");
  });

  it("answers NOT_FOUND for an unknown product", async () => {
    const error = await clientError(adminCaller(t.db).adminProducts.update({ ...shirtInput(basics.categoryId, "ghost"), id: 999_999 }));
    expect(error.code).toBe("NOT_FOUND");
  });

  it("answers BAD_REQUEST on categoryId when moving to an unknown category", async () => {
    const { form } = await createShirt("homeless");
    const error = await clientError(adminCaller(t.db).adminProducts.update({ ...form, categoryId: 999_999 }));
    expect(error).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { categoryId: "That category does not exist" } });
  });
});
