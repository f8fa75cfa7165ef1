import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { startFakeMeilisearch, type FakeMeilisearch } from "@/test/fake-meilisearch";
import { ListProductsInput, ProductFacetsInput, type ProductPage } from "../catalog/schemas";
import type { ServiceContext } from "../context";
import { meilisearchSearch } from "./meilisearch/meilisearch-search";
import { productIndex, type ProductIndex } from "./meilisearch/product-index";
import { reindexProducts } from "./meilisearch/reindex-products";
import { postgresSearch } from "./postgres-search";
import type { SearchPort } from "./search-port";
import { insertSearchCatalogue } from "./test-catalogue";

const t = useTestDatabase();
const ctx = (): ServiceContext => ({ db: t.db, actor: { type: "anonymous" } });
let fake: FakeMeilisearch;

beforeAll(async () => {
  await insertSearchCatalogue(t.db);
  fake = await startFakeMeilisearch({ apiKey: "fake-master-key" });
});
afterAll(() => fake?.close());

const LIST_CASES: [string, ListProductsInput][] = [
  ["everything, newest first", {}],
  ["price ascending", { sort: "price_asc" }],
  ["price descending", { sort: "price_desc" }],
  ["a root category and its subtree", { categorySlug: "clothing" }],
  ["a mid category", { categorySlug: "tops" }],
  ["a leaf category", { categorySlug: "shirts" }],
  ["another root", { categorySlug: "home" }],
  ["one brand", { brands: ["Harbour"] }],
  ["two brands", { brands: ["Harbour", "Potter"] }],
  ["an unknown brand", { brands: ["Nobody"] }],
  ["one option value", { options: { size: ["M"] } }],
  ["two values of an option", { options: { size: ["M", "L"] } }],
  ["two options", { options: { size: ["L"], colour: ["Navy"] } }],
  ["an impossible option pair", { options: { size: ["S"], colour: ["Grey"] } }],
  ["a price range", { minPrice: 4500, maxPrice: 5500 }],
  ["a minimum price", { minPrice: 8900 }],
  ["below every price", { maxPrice: 1199 }],
  ["in stock", { inStock: true }],
  ["in stock at home", { inStock: true, categorySlug: "home" }],
  ["every filter at once", { categorySlug: "clothing", inStock: true, brands: ["Harbour", "Coastal"], maxPrice: 6000 }],
  ["a brand and an option", { brands: ["Harbour"], options: { colour: ["Grey"] } }],
  ["a word in titles and descriptions", { q: "shirt" }],
  ["a brand name", { q: "coastal" }],
  ["two words", { q: "linen shirt" }],
  ["a word and a category", { q: "linen", categorySlug: "tops" }],
  ["a word sorted by price", { q: "linen", sort: "price_asc" }],
  ["a word newest first", { q: "wool", sort: "newest" }],
  ["a misspelt word", { q: "shrit" }],
  ["another misspelt word", { q: "speeker" }],
  ["an exact SKU", { q: "AUD-000077-1" }],
  ["nonsense", { q: "qzxvvk" }],
  ["blank", { q: "   " }],
  ["a numbered page", { sort: "price_asc", limit: 3, page: 2 }],
  ["a numbered page with a filter", { sort: "newest", limit: 2, page: 2, brands: ["Harbour", "Coastal"] }],
];

const FACET_CASES: [string, ProductFacetsInput][] = [
  ["no filter", {}],
  ["a brand", { brands: ["Harbour"] }],
  ["an option value", { options: { size: ["M"] } }],
  ["two options", { options: { size: ["M"], colour: ["Navy"] } }],
  ["a category", { categorySlug: "clothing" }],
  ["a leaf category", { categorySlug: "shirts" }],
  ["a price range", { minPrice: 2000, maxPrice: 6000 }],
  ["in stock with a brand", { inStock: true, brands: ["Coastal"] }],
  ["a word", { q: "linen" }],
  ["nothing found", { q: "qzxvvk" }],
];

async function allPages(port: SearchPort, input: ListProductsInput): Promise<string[]> {
  const titles: string[] = [];
  let cursor: string | undefined;
  do {
    const page: ProductPage = await port.listProducts(ctx(), ListProductsInput.parse({ ...input, limit: 2, cursor }));
    titles.push(...page.items.map((i) => i.title));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return titles;
}

function parity(name: string, target: () => ProductIndex) {
  describe(name, () => {
    let meili: SearchPort;
    beforeAll(async () => {
      await reindexProducts(ctx(), target());
      meili = meilisearchSearch(target());
    });
    // A real server is shared by every run: leave nothing behind.
    afterAll(async () => void (await target().client.deleteIndexIfExists(target().index.uid)));

    it.each(LIST_CASES)("lists the same products: %s", async (_, input) => {
      const parsed = ListProductsInput.parse(input);
      const [pg, ms] = await Promise.all([postgresSearch.listProducts(ctx(), parsed), meili.listProducts(ctx(), parsed)]);
      const titles = (page: ProductPage) => page.items.map((i) => i.title);
      // A chosen sort orders both alike; relevance is each engine's own, so only the set must agree.
      if (parsed.q && !parsed.sort) expect(titles(ms).sort()).toEqual(titles(pg).sort());
      else expect(ms.items).toEqual(pg.items);
    });

    it.each(FACET_CASES)("counts the same facets: %s", async (_, input) => {
      const parsed = ProductFacetsInput.parse(input);
      expect(await meili.facets(ctx(), parsed)).toEqual(await postgresSearch.facets(ctx(), parsed));
    });

    it.each([{ sort: "price_asc" }, { sort: "newest" }, { sort: "price_desc", brands: ["Harbour", "Sonora"] }] as ListProductsInput[])(
      "pages through the same list two at a time: %o",
      async (input) => {
        const expected = await allPages(postgresSearch, input);
        expect(expected.length).toBeGreaterThan(2);
        expect(await allPages(meili, input)).toEqual(expected);
      },
    );

    it("refuses a cursor of another sort and a malformed one as bad input", async () => {
      const first = await meili.listProducts(ctx(), ListProductsInput.parse({ sort: "price_asc", limit: 1 }));
      await expect(meili.listProducts(ctx(), ListProductsInput.parse({ sort: "newest", cursor: first.nextCursor! }))).rejects.toMatchObject({ kind: "Invalid" });
      await expect(meili.listProducts(ctx(), ListProductsInput.parse({ cursor: "bm90IGpzb24" }))).rejects.toMatchObject({ kind: "Invalid" });
      await expect(meili.listProducts(ctx(), ListProductsInput.parse({ categorySlug: "nowhere" }))).rejects.toMatchObject({ kind: "NotFound" });
    });
  });
}

parity("Meilisearch adapter against the local fake of its HTTP API", () => productIndex({ host: fake.url, apiKey: "fake-master-key" }));

const host = process.env.MEILISEARCH_HOST;
const realUid = `products_parity_${process.pid}`;
if (host) parity(`Meilisearch adapter against the real server at ${host}`, () => productIndex({ host, apiKey: process.env.MEILISEARCH_API_KEY }, realUid));
else describe.skip("Meilisearch adapter against a real server: skipped, MEILISEARCH_HOST is not set", () => it("runs where MEILISEARCH_HOST is set (CI)", () => {}));
