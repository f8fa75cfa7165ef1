import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/test/db";
import { createCaller } from "../trpc/root";
import { encodeCursor } from "./cursor";
import type { ListProductsInput } from "./schemas";
import { insertCategory, insertProduct, insertWarehouse } from "./test-fixtures";

// The PostgreSQL adapter behind the router, even where MEILISEARCH_HOST is set (CI): the parity suite covers Meilisearch.
vi.stubEnv("MEILISEARCH_HOST", "");

const t = useTestDatabase();
const api = () => createCaller({ db: t.db, actor: { type: "anonymous" } }).catalog;
const titles = async (input: ListProductsInput) => (await api().listProducts(input)).items.map((i) => i.title);
const day = (n: number) => new Date(Date.UTC(2026, 0, n));

beforeAll(async () => {
  const clothing = await insertCategory(t.db, { slug: "clothing", position: 0 });
  const tops = await insertCategory(t.db, { slug: "tops", parentId: clothing });
  const shirts = await insertCategory(t.db, { slug: "shirts", parentId: tops });
  const bottoms = await insertCategory(t.db, { slug: "bottoms", parentId: clothing, position: 1 });
  const home = await insertCategory(t.db, { slug: "home", position: 1 });
  const [east, west] = [await insertWarehouse(t.db), await insertWarehouse(t.db)];

  await insertProduct(t.db, {
    title: "Oxford Shirt", brand: "Harbour", categoryId: shirts, createdAt: day(1),
    images: [{ url: "https://img.test/oxford-front.jpg", alt: "front" }, { url: "https://img.test/oxford-back.jpg" }],
    variants: [
      { optionValues: { size: "M", colour: "Navy" }, priceAmount: 4500, stock: [{ warehouseId: east, onHand: 3 }] },
      { optionValues: { size: "L", colour: "Navy" }, priceAmount: 4900, compareAtAmount: 5900, stock: [{ warehouseId: east, onHand: 0 }] },
    ],
  });
  await insertProduct(t.db, {
    title: "Linen Shirt", brand: "Coastal", categoryId: shirts, createdAt: day(2),
    variants: [{ optionValues: { size: "S", colour: "White" }, priceAmount: 3900, stock: [{ warehouseId: east, onHand: 2, reserved: 2 }] }],
  });
  await insertProduct(t.db, {
    title: "Wool Jumper", brand: "Harbour", categoryId: tops, createdAt: day(3), description: "A warm shirt-collar jumper",
    variants: [{ optionValues: { size: "M", colour: "Grey" }, priceAmount: 8900, stock: [{ warehouseId: west, onHand: 5 }] }],
  });
  await insertProduct(t.db, {
    title: "Chinos", brand: "Coastal", categoryId: bottoms, createdAt: day(4),
    variants: [
      { optionValues: { size: "L", colour: "Navy" }, priceAmount: 5500, compareAtAmount: 6900, stock: [{ warehouseId: west, onHand: 1 }] },
      { optionValues: { size: "XL", colour: "Navy" }, priceAmount: 5500, compareAtAmount: 5500 },
    ],
  });
  await insertProduct(t.db, {
    title: "Ceramic Mug", brand: "Potter", categoryId: home, createdAt: day(5),
    variants: [{ priceAmount: 1200, stock: [{ warehouseId: east, onHand: 10 }] }],
  });
  await insertProduct(t.db, { title: "Draft Shirt", categoryId: shirts, status: "draft", variants: [{ stock: [{ warehouseId: east, onHand: 9 }] }] });
  await insertProduct(t.db, { title: "Archived Shirt", categoryId: shirts, status: "archived" });
  await insertProduct(t.db, { title: "Unpriced Shirt", categoryId: shirts, variants: [] });
});

describe("catalog.listProducts", () => {
  it("lists only active, priced products, newest first, as cards", async () => {
    const { items, nextCursor } = await api().listProducts({});
    expect(items.map((i) => i.title)).toEqual(["Ceramic Mug", "Chinos", "Wool Jumper", "Linen Shirt", "Oxford Shirt"]);
    expect(nextCursor).toBeNull();
    expect(items[4]).toEqual({
      id: expect.any(Number), slug: expect.any(String), title: "Oxford Shirt", brand: "Harbour",
      priceMin: 4500, priceMax: 4900, compareAt: null, currency: "USD", imageUrl: "https://img.test/oxford-front.jpg", imageAlt: "front",
      inStock: true, createdAt: day(1),
    });
    expect(items[3]).toMatchObject({ title: "Linen Shirt", inStock: false, imageUrl: null, imageAlt: "" });
  });

  it("carries the sale's compare-at price only when a cheapest variant is on sale", async () => {
    const { items } = await api().listProducts({});
    // Chinos: 55.00, was 69.00 (an equal compare-at is no sale); the Oxford shirt's sale variant is not its cheapest.
    expect(items.map((i) => [i.title, i.compareAt])).toEqual([
      ["Ceramic Mug", null], ["Chinos", 6900], ["Wool Jumper", null], ["Linen Shirt", null], ["Oxford Shirt", null],
    ]);
  });

  it("filters by category including every descendant", async () => {
    expect(await titles({ categorySlug: "clothing" })).toEqual(["Chinos", "Wool Jumper", "Linen Shirt", "Oxford Shirt"]);
    expect(await titles({ categorySlug: "tops" })).toEqual(["Wool Jumper", "Linen Shirt", "Oxford Shirt"]);
    expect(await titles({ categorySlug: "shirts" })).toEqual(["Linen Shirt", "Oxford Shirt"]);
    await expect(api().listProducts({ categorySlug: "no-such-category" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("filters by the cheapest variant price, bounds included", async () => {
    expect(await titles({ minPrice: 4500, maxPrice: 5500 })).toEqual(["Chinos", "Oxford Shirt"]);
    expect(await titles({ minPrice: 8900 })).toEqual(["Wool Jumper"]);
    expect(await titles({ maxPrice: 1199 })).toEqual([]);
  });

  it("keeps products with stock available (on hand minus reserved) in some warehouse", async () => {
    expect(await titles({ inStock: true })).toEqual(["Ceramic Mug", "Chinos", "Wool Jumper", "Oxford Shirt"]);
    expect(await titles({ inStock: false })).toHaveLength(5);
  });

  it("filters by any of several brands", async () => {
    expect(await titles({ brands: ["Harbour", "Potter"] })).toEqual(["Ceramic Mug", "Wool Jumper", "Oxford Shirt"]);
    expect(await titles({ brands: ["Nobody"] })).toEqual([]);
  });

  it("matches any value of an option, and every option named", async () => {
    expect(await titles({ options: { size: ["M"] } })).toEqual(["Wool Jumper", "Oxford Shirt"]);
    expect(await titles({ options: { size: ["M", "L"] } })).toEqual(["Chinos", "Wool Jumper", "Oxford Shirt"]);
    expect(await titles({ options: { size: ["L"], colour: ["Navy"] } })).toEqual(["Chinos", "Oxford Shirt"]);
    expect(await titles({ options: { size: ["S"], colour: ["Navy"] } })).toEqual([]);
  });

  it("searches title, brand and description with full-text search", async () => {
    expect(await titles({ q: "shirts", sort: "newest" })).toEqual(["Wool Jumper", "Linen Shirt", "Oxford Shirt"]);
    expect(await titles({ q: "coastal" })).toEqual(["Chinos", "Linen Shirt"]);
    expect(await titles({ q: "shirt -linen", sort: "newest" })).toEqual(["Wool Jumper", "Oxford Shirt"]);
    expect(await titles({ q: "   " })).toHaveLength(5);
  });

  it("combines every filter", async () => {
    const input = { categorySlug: "clothing", inStock: true, brands: ["Harbour", "Coastal"], maxPrice: 6000 };
    expect(await titles(input)).toEqual(["Chinos", "Oxford Shirt"]);
    expect(await titles({ ...input, options: { colour: ["Navy"] }, q: "shirt" })).toEqual(["Oxford Shirt"]);
    expect(await titles({ ...input, options: { colour: ["Grey"] } })).toEqual([]);
  });

  it("sorts by price both ways and pages with a cursor", async () => {
    expect(await titles({ sort: "price_asc" })).toEqual(["Ceramic Mug", "Linen Shirt", "Oxford Shirt", "Chinos", "Wool Jumper"]);
    expect(await titles({ sort: "price_desc" })).toEqual(["Wool Jumper", "Chinos", "Oxford Shirt", "Linen Shirt", "Ceramic Mug"]);
    const first = await api().listProducts({ sort: "price_desc", limit: 2 });
    const second = await api().listProducts({ sort: "price_desc", limit: 2, cursor: first.nextCursor! });
    const third = await api().listProducts({ sort: "price_desc", limit: 2, cursor: second.nextCursor! });
    expect([first, second, third].flatMap((p) => p.items.map((i) => i.title))).toEqual(await titles({ sort: "price_desc" }));
    expect(third.nextCursor).toBeNull();
  });

  it("ranks title matches above brand matches above description matches, across pages", async () => {
    const category = await insertCategory(t.db, { slug: "relevance" });
    await insertProduct(t.db, { title: "Field Coat", description: "Lined with tweed", categoryId: category, createdAt: day(10) });
    await insertProduct(t.db, { title: "Tweed Jacket", categoryId: category, createdAt: day(8) });
    await insertProduct(t.db, { title: "Flat Cap", brand: "Tweed Works", categoryId: category, createdAt: day(9) });
    const expected = ["Tweed Jacket", "Flat Cap", "Field Coat"];
    expect(await titles({ q: "tweed" })).toEqual(expected);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api().listProducts({ q: "tweed", sort: "relevance", limit: 1, cursor });
      seen.push(...page.items.map((i) => i.title));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(expected);
  });
});

describe("catalog.listProducts input", () => {
  const badRequest = async (input: unknown) => {
    const error = await api()
      .listProducts(input as ListProductsInput)
      .then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
  };
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

  it("rejects out-of-range limits, prices and unknown sorts or fields", async () => {
    await badRequest({ limit: 0 });
    await badRequest({ limit: 1000 });
    await badRequest({ limit: 2.5 });
    await badRequest({ minPrice: -1 });
    await badRequest({ maxPrice: 1e12 });
    await badRequest({ minPrice: 500, maxPrice: 100 });
    await badRequest({ sort: "cheapest" });
    await badRequest({ pageNumber: 2 });
    await badRequest({ page: 0 });
    await badRequest({ q: "shirt\u0000" });
    await badRequest({ options: { Size: ["M"] } });
  });

  it("rejects malformed cursors and cursors from another sort", async () => {
    const { nextCursor } = await api().listProducts({ sort: "price_asc", limit: 1 });
    expect(nextCursor).toEqual(expect.any(String));
    await badRequest({ sort: "newest", cursor: nextCursor });
    await badRequest({ cursor: nextCursor });
    await badRequest({ cursor: "not a cursor!" });
    await badRequest({ cursor: "bm90IGpzb24" });
    await badRequest({ cursor: b64({ s: "newest", k: "yesterday", id: 1 }) });
    await badRequest({ sort: "price_asc", cursor: b64({ s: "price_asc", k: 1e12, id: 1 }) });
    await badRequest({ sort: "price_asc", cursor: b64({ s: "price_asc", k: 100, id: -4 }) });
    await badRequest({ cursor: encodeCursor("newest", { key: 1.5, id: 1 }) });
  });

  it("accepts extreme but valid cursors without a server error", async () => {
    const far = encodeCursor("newest", { key: Number.MAX_SAFE_INTEGER, id: 2_147_483_647 });
    expect((await api().listProducts({ cursor: far, limit: 100 })).items.length).toBeGreaterThanOrEqual(5);
    const ancient = encodeCursor("newest", { key: Number.MIN_SAFE_INTEGER, id: 1 });
    expect(await api().listProducts({ cursor: ancient })).toEqual({ items: [], nextCursor: null });
    const tiny = encodeCursor("relevance", { key: 5e-324, id: 1 });
    await expect(api().listProducts({ q: "tweed", cursor: tiny })).resolves.toMatchObject({ nextCursor: null });
  });
});
