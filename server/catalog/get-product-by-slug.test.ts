import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { createCaller } from "../trpc/root";
import { eq } from "drizzle-orm";
import { warehouses } from "@/db/schema";
import { insertCategory, insertProduct, insertWarehouse, type InsertedProduct } from "./test-fixtures";

const t = useTestDatabase();
const api = () => createCaller({ db: t.db, actor: { type: "anonymous" } }).catalog;
let shirt: InsertedProduct;
let west: number;

beforeAll(async () => {
  const clothing = await insertCategory(t.db, { slug: "clothing", name: "Clothing" });
  const tops = await insertCategory(t.db, { slug: "tops", name: "Tops", parentId: clothing });
  const shirts = await insertCategory(t.db, { slug: "shirts", name: "Shirts", parentId: tops });
  const east = await insertWarehouse(t.db);
  west = await insertWarehouse(t.db);
  shirt = await insertProduct(t.db, {
    slug: "oxford-shirt", title: "Oxford Shirt", description: "Heavy cotton.", brand: "Harbour", categoryId: shirts,
    attributes: { material: "cotton" },
    options: [{ name: "size", values: ["M", "L", "XL"] }],
    images: [{ url: "https://img.test/front.jpg", alt: "Front" }, { url: "https://img.test/back.jpg", alt: "Back" }],
    variants: [
      {
        sku: "OXF-M", title: "M", optionValues: { size: "M" }, priceAmount: 4500, currency: "EUR", compareAtAmount: 5900,
        stock: [{ warehouseId: east, onHand: 5, reserved: 2 }, { warehouseId: west, onHand: 4, reserved: 0 }],
      },
      { sku: "OXF-L", title: "L", optionValues: { size: "L" }, priceAmount: 4900, currency: "EUR", stock: [{ warehouseId: east, onHand: 3, reserved: 3 }] },
      { sku: "OXF-XL", title: "XL", optionValues: { size: "XL" }, priceAmount: 4900, currency: "EUR" },
    ],
  });
  await insertProduct(t.db, { slug: "draft-shirt", categoryId: shirts, status: "draft" });
  await insertProduct(t.db, { slug: "archived-shirt", categoryId: shirts, status: "archived" });
});

describe("catalog.productBySlug", () => {
  it("returns the product with breadcrumbs, options, images and per-variant availability over all warehouses", async () => {
    expect(await api().productBySlug({ slug: "oxford-shirt" })).toEqual({
      id: shirt.id,
      slug: "oxford-shirt",
      title: "Oxford Shirt",
      description: "Heavy cotton.",
      brand: "Harbour",
      attributes: { material: "cotton" },
      currency: "EUR",
      priceMin: 4500,
      priceMax: 4900,
      category: { slug: "shirts", name: "Shirts" },
      breadcrumbs: [
        { slug: "clothing", name: "Clothing" },
        { slug: "tops", name: "Tops" },
        { slug: "shirts", name: "Shirts" },
      ],
      options: [{ name: "size", values: ["M", "L", "XL"] }],
      images: [{ url: "https://img.test/front.jpg", alt: "Front" }, { url: "https://img.test/back.jpg", alt: "Back" }],
      variants: [
        { id: shirt.variantIds[0], sku: "OXF-M", title: "M", optionValues: { size: "M" }, priceAmount: 4500, currency: "EUR", compareAtAmount: 5900, available: 7, imageUrl: null, imageAlt: null },
        { id: shirt.variantIds[1], sku: "OXF-L", title: "L", optionValues: { size: "L" }, priceAmount: 4900, currency: "EUR", compareAtAmount: null, available: 0, imageUrl: null, imageAlt: null },
        { id: shirt.variantIds[2], sku: "OXF-XL", title: "XL", optionValues: { size: "XL" }, priceAmount: 4900, currency: "EUR", compareAtAmount: null, available: 0, imageUrl: null, imageAlt: null },
      ],
    });
  });

  it("counts no stock in a deactivated warehouse as available, and counts it again once reactivated", async () => {
    const availability = async () => (await api().productBySlug({ slug: "oxford-shirt" })).variants.map((v) => [v.sku, v.available]);
    await t.db.update(warehouses).set({ active: false }).where(eq(warehouses.id, west));
    try {
      expect(await availability()).toEqual([["OXF-M", 3], ["OXF-L", 0], ["OXF-XL", 0]]);
    } finally {
      await t.db.update(warehouses).set({ active: true }).where(eq(warehouses.id, west));
    }
    expect(await availability()).toEqual([["OXF-M", 7], ["OXF-L", 0], ["OXF-XL", 0]]);
  });

  it("is NOT_FOUND for drafts, archived and unknown slugs", async () => {
    for (const slug of ["draft-shirt", "archived-shirt", "no-such-shirt"]) {
      await expect(api().productBySlug({ slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("rejects an empty or oversized slug as BAD_REQUEST", async () => {
    await expect(api().productBySlug({ slug: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api().productBySlug({ slug: "x".repeat(201) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
