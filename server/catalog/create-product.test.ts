import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { products, stockLevels, variants } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import type { ProductInput } from "./admin-schemas";
import { adminCaller, clientError, formOf, seedCatalogBasics, shirtInput } from "./admin-test-fixtures";

const t = useTestDatabase();
let basics: Awaited<ReturnType<typeof seedCatalogBasics>>;

beforeAll(async () => {
  basics = await seedCatalogBasics(t.db);
});

describe("adminProducts.create", () => {
  it("saves the product so that get returns exactly what was sent, with prices and empty stock", async () => {
    const api = adminCaller(t.db);
    const input = shirtInput(basics.categoryId, "round-trip");
    const created = await api.adminProducts.create(input);
    expect(created.slug).toBe("round-trip");

    const saved = await api.adminProducts.get({ id: created.id });
    expect(formOf(saved)).toEqual({ ...input, id: created.id, variants: input.variants.map((v) => ({ ...v, id: expect.any(Number) })) });
    expect(saved.variants.map((v) => v.imageId)).toEqual([null, null]);
    expect(saved.images).toEqual([{ id: expect.any(Number), url: input.images![0]!.url, alt: input.images![0]!.alt, uploaded: false }]);
    expect(saved.updatedAt).toEqual(saved.createdAt);

    const [row] = await t.db.select().from(products).where(eq(products.id, created.id));
    expect(row).toMatchObject({ priceMin: 4500, priceMax: 4900, currency: "EUR" });
    const stock = await t.db
      .select()
      .from(stockLevels)
      .where(inArray(stockLevels.variantId, saved.variants.map((v) => v.id)));
    expect(stock).toHaveLength(saved.variants.length * basics.warehouseIds.length);
    expect(stock.every((s) => s.onHand === 0 && s.reserved === 0)).toBe(true);
  });

  it("saves a product that needs no shipping, and ships one by default", async () => {
    const api = adminCaller(t.db);
    const ebook = await api.adminProducts.create({ ...shirtInput(basics.categoryId, "digital-only"), requiresShipping: false });
    expect(await api.adminProducts.get({ id: ebook.id })).toMatchObject({ requiresShipping: false });
    const unsaid: Partial<Pick<ProductInput, "requiresShipping">> & Omit<ProductInput, "requiresShipping"> = shirtInput(basics.categoryId, "ships-by-default");
    delete unsaid.requiresShipping;
    const shirt = await api.adminProducts.create(unsaid);
    expect(await api.adminProducts.get({ id: shirt.id })).toMatchObject({ requiresShipping: true });
  });

  it("accepts a category that has children", async () => {
    const created = await adminCaller(t.db).adminProducts.create(shirtInput(basics.parentCategoryId, "in-parent"));
    expect(created.id).toBeGreaterThan(0);
  });

  it("answers CONFLICT on slug when the slug is taken", async () => {
    const api = adminCaller(t.db);
    await api.adminProducts.create(shirtInput(basics.categoryId, "taken-slug", "FIRST"));
    const error = await clientError(api.adminProducts.create(shirtInput(basics.categoryId, "taken-slug", "SECOND")));
    expect(error).toMatchObject({ code: "CONFLICT", fieldErrors: { slug: "That slug is taken" } });
    expect(await t.db.select().from(variants).where(eq(variants.sku, "SECOND-M"))).toHaveLength(0);
  });

  it("answers CONFLICT on the variant whose SKU another product uses", async () => {
    const api = adminCaller(t.db);
    await api.adminProducts.create(shirtInput(basics.categoryId, "sku-owner", "SHARED"));
    const input = shirtInput(basics.categoryId, "sku-thief", "OWN");
    input.variants[1]!.sku = "SHARED-L";
    const error = await clientError(api.adminProducts.create(input));
    expect(error).toMatchObject({ code: "CONFLICT", fieldErrors: { "variants.1.sku": "SKU SHARED-L is already used" } });
    expect(await t.db.select().from(products).where(eq(products.slug, "sku-thief"))).toHaveLength(0);
  });

  it("lets exactly one of several concurrent creates with the same slug win; the others get CONFLICT", async () => {
    const attempts = await Promise.allSettled(
      [1, 2, 3, 4, 5].map((n) => adminCaller(t.db).adminProducts.create(shirtInput(basics.categoryId, "race-slug", `RACE${n}`))),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const losers = attempts.flatMap((a) => (a.status === "rejected" ? [a.reason] : []));
    for (const loser of losers) {
      expect(await clientError(Promise.reject(loser))).toMatchObject({ code: "CONFLICT", fieldErrors: { slug: "That slug is taken" } });
    }
    expect(await t.db.select().from(products).where(eq(products.slug, "race-slug"))).toHaveLength(1);
  });

  it("lets exactly one of several concurrent creates with the same SKU win", async () => {
    const attempts = await Promise.allSettled(
      [1, 2, 3, 4].map((n) => adminCaller(t.db).adminProducts.create(shirtInput(basics.categoryId, `race-sku-${n}`, "RACESKU"))),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    for (const attempt of attempts) {
      if (attempt.status === "fulfilled") continue;
      expect(await clientError(Promise.reject(attempt.reason))).toMatchObject({
        code: "CONFLICT",
        fieldErrors: { "variants.0.sku": "SKU RACESKU-M is already used" },
      });
    }
  });

  it("answers BAD_REQUEST on categoryId for an unknown category", async () => {
    const error = await clientError(adminCaller(t.db).adminProducts.create(shirtInput(999_999, "nowhere")));
    expect(error).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { categoryId: "That category does not exist" } });
  });
});
