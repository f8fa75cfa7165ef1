import { beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/test/db";
import { createCaller } from "../trpc/root";
import { insertCategory, insertProduct, insertWarehouse } from "./test-fixtures";

// The PostgreSQL adapter behind the router, even where MEILISEARCH_HOST is set (CI): the parity suite covers Meilisearch.
vi.stubEnv("MEILISEARCH_HOST", "");

const t = useTestDatabase();
const api = () => createCaller({ db: t.db, actor: { type: "anonymous" } }).catalog;

beforeAll(async () => {
  const clothing = await insertCategory(t.db, { slug: "clothing", name: "Clothing", position: 0 });
  const tops = await insertCategory(t.db, { slug: "tops", name: "Tops", parentId: clothing, position: 0 });
  const shirts = await insertCategory(t.db, { slug: "shirts", name: "Shirts", parentId: tops });
  const bottoms = await insertCategory(t.db, { slug: "bottoms", name: "Bottoms", parentId: clothing, position: 1 });
  const home = await insertCategory(t.db, { slug: "home", name: "Home", position: 1 });
  await insertCategory(t.db, { slug: "garden", name: "Garden", position: 2 });
  const warehouseId = await insertWarehouse(t.db);
  const stock = (onHand: number, reserved = 0) => [{ warehouseId, onHand, reserved }];

  await insertProduct(t.db, {
    title: "Oxford Shirt", brand: "Harbour", categoryId: shirts,
    variants: [
      { optionValues: { size: "M", colour: "Navy" }, priceAmount: 4500, stock: stock(2) },
      { optionValues: { size: "L", colour: "Navy" }, priceAmount: 4900 },
    ],
  });
  await insertProduct(t.db, {
    title: "Linen Shirt", brand: "Coastal", categoryId: shirts,
    variants: [{ optionValues: { size: "S", colour: "White" }, priceAmount: 3900, stock: stock(3, 3) }],
  });
  await insertProduct(t.db, {
    title: "Wool Jumper", brand: "Harbour", categoryId: tops,
    variants: [{ optionValues: { size: "M", colour: "Grey" }, priceAmount: 8900, stock: stock(1) }],
  });
  await insertProduct(t.db, {
    title: "Chinos", brand: "Coastal", categoryId: bottoms,
    variants: [
      { optionValues: { size: "L", colour: "Navy" }, priceAmount: 5500, stock: stock(4) },
      { optionValues: { size: "M", colour: "Navy" }, priceAmount: 5500, stock: stock(4) },
    ],
  });
  await insertProduct(t.db, { title: "Ceramic Mug", brand: "Potter", categoryId: home, variants: [{ priceAmount: 1200, stock: stock(9) }] });
  await insertProduct(t.db, {
    title: "Draft Shirt", brand: "Harbour", categoryId: shirts, status: "draft",
    variants: [{ optionValues: { size: "XL", colour: "Navy" }, priceAmount: 100, stock: stock(9) }],
  });
});

describe("catalog.facets", () => {
  it("counts active products per root category, brand, option value, with price range and stock", async () => {
    expect(await api().facets({})).toEqual({
      total: 5,
      categories: [{ slug: "clothing", name: "Clothing", count: 4 }, { slug: "home", name: "Home", count: 1 }],
      brands: [{ value: "Coastal", count: 2 }, { value: "Harbour", count: 2 }, { value: "Potter", count: 1 }],
      options: [
        { name: "colour", values: [{ value: "Navy", count: 2 }, { value: "Grey", count: 1 }, { value: "White", count: 1 }] },
        { name: "size", values: [{ value: "M", count: 3 }, { value: "L", count: 2 }, { value: "S", count: 1 }] },
      ],
      price: { min: 1200, max: 8900, currency: "USD" },
      inStockCount: 4,
    });
  });

  it("answers the unfiltered catalogue (one pass) exactly as the per-facet statements do", async () => {
    // minPrice 0 filters nothing out but is a filter, so it takes the per-facet statements.
    expect(await api().facets({})).toEqual(await api().facets({ minPrice: 0 }));
  });

  it("answers the unfiltered catalogue in one statement, a category's after the one that finds the category", async () => {
    const execute = vi.spyOn(t.db, "execute");
    try {
      expect((await api().facets({})).total).toBe(5);
      expect(execute).toHaveBeenCalledTimes(1);
      expect((await api().facets({ categorySlug: "clothing" })).price).toEqual({ min: 3900, max: 8900, currency: "USD" });
      expect(execute).toHaveBeenCalledTimes(3);
    } finally {
      execute.mockRestore();
    }
  });

  it("counts per direct child of the selected category, descendants included", async () => {
    const clothing = await api().facets({ categorySlug: "clothing" });
    expect(clothing.total).toBe(4);
    expect(clothing.categories).toEqual([{ slug: "tops", name: "Tops", count: 3 }, { slug: "bottoms", name: "Bottoms", count: 1 }]);
    expect(clothing.brands).toEqual([{ value: "Coastal", count: 2 }, { value: "Harbour", count: 2 }]);
    expect((await api().facets({ categorySlug: "shirts" })).categories).toEqual([]);
    await expect(api().facets({ categorySlug: "nowhere" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps every brand's count when brands are filtered, and narrows the other facets", async () => {
    const f = await api().facets({ brands: ["Harbour"] });
    expect(f.total).toBe(2);
    expect(f.brands).toEqual([{ value: "Coastal", count: 2 }, { value: "Harbour", count: 2 }, { value: "Potter", count: 1 }]);
    expect(f.categories).toEqual([{ slug: "clothing", name: "Clothing", count: 2 }]);
    expect(f.options).toEqual([
      { name: "colour", values: [{ value: "Grey", count: 1 }, { value: "Navy", count: 1 }] },
      { name: "size", values: [{ value: "M", count: 2 }, { value: "L", count: 1 }] },
    ]);
    expect(f.price).toEqual({ min: 4500, max: 8900, currency: "USD" });
    expect(f.inStockCount).toBe(2);
  });

  it("counts each option name without its own filter but with the other option names'", async () => {
    const sizeM = await api().facets({ options: { size: ["M"] } });
    expect(sizeM.total).toBe(3);
    expect(sizeM.options).toEqual([
      { name: "colour", values: [{ value: "Navy", count: 2 }, { value: "Grey", count: 1 }] },
      { name: "size", values: [{ value: "M", count: 3 }, { value: "L", count: 2 }, { value: "S", count: 1 }] },
    ]);
    const greyM = await api().facets({ options: { size: ["M"], colour: ["Grey"] } });
    expect(greyM.total).toBe(1);
    expect(greyM.options).toEqual([
      { name: "colour", values: [{ value: "Navy", count: 2 }, { value: "Grey", count: 1 }] },
      { name: "size", values: [{ value: "M", count: 1 }] },
    ]);
    expect(greyM.brands).toEqual([{ value: "Harbour", count: 1 }]);
  });

  it("shows the full price range under a price filter, and the in-stock count under the in-stock filter", async () => {
    const priced = await api().facets({ minPrice: 4000, maxPrice: 6000 });
    expect(priced.total).toBe(2);
    expect(priced.price).toEqual({ min: 1200, max: 8900, currency: "USD" });
    expect(priced.brands).toEqual([{ value: "Coastal", count: 1 }, { value: "Harbour", count: 1 }]);
    expect(priced.inStockCount).toBe(2);

    const coastal = await api().facets({ brands: ["Coastal"], inStock: true });
    expect(coastal.total).toBe(1);
    expect(coastal.inStockCount).toBe(1);
    expect(coastal.price).toEqual({ min: 5500, max: 5500, currency: "USD" });
    expect(coastal.brands).toEqual([{ value: "Harbour", count: 2 }, { value: "Coastal", count: 1 }, { value: "Potter", count: 1 }]);
    expect((await api().facets({ brands: ["Coastal"] })).price).toEqual({ min: 3900, max: 5500, currency: "USD" });
  });

  it("applies the text query to every facet and answers an empty match with zeros", async () => {
    const shirts = await api().facets({ q: "shirt" });
    expect(shirts.total).toBe(2);
    expect(shirts.brands).toEqual([{ value: "Coastal", count: 1 }, { value: "Harbour", count: 1 }]);
    expect(await api().facets({ q: "submarine" })).toEqual({
      total: 0, categories: [], brands: [], options: [], price: { min: null, max: null, currency: "USD" }, inStockCount: 0,
    });
  });

  it("rejects list-only fields and bad ranges as BAD_REQUEST", async () => {
    await expect(api().facets({ sort: "newest" } as object)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api().facets({ minPrice: -5 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
