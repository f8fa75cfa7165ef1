import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { products } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { insertCategory, insertProduct } from "../catalog/test-fixtures";
import { createCaller } from "../trpc/root";

// Through the router on the PostgreSQL adapter, even where MEILISEARCH_HOST is set.
vi.stubEnv("MEILISEARCH_HOST", "");

const t = useTestDatabase();
const api = () => createCaller({ db: t.db, actor: { type: "anonymous" } }).catalog;
const search = async (q: string) => {
  const page = await api().listProducts({ q });
  return { titles: page.items.map((i) => i.title), didYouMean: page.didYouMean };
};

beforeAll(async () => {
  const coats = await insertCategory(t.db, { slug: "coats" });
  const audio = await insertCategory(t.db, { slug: "audio" });
  const kitchen = await insertCategory(t.db, { slug: "kitchen" });
  await insertProduct(t.db, { title: "Wool Overcoat", brand: "Harbour", categoryId: coats });
  await insertProduct(t.db, { title: "Camel Overcoat", brand: "Harbour", categoryId: coats });
  await insertProduct(t.db, { title: "Rain Jacket", brand: "Northfold", categoryId: coats });
  await insertProduct(t.db, { title: "Field Jacket", brand: "Northfold", categoryId: coats });
  await insertProduct(t.db, { title: "Over-Ear Headphones", brand: "Sonora", categoryId: audio, variants: [{ sku: "AUD-000042-1" }] });
  await insertProduct(t.db, { title: "On-Ear Headphones", brand: "Sonora", categoryId: audio, variants: [{ sku: "AUD-000043-1" }] });
  await insertProduct(t.db, { title: "Coffee Maker", brand: "Brewhaus", categoryId: kitchen });
  await insertProduct(t.db, { title: "Espresso Machine", brand: "Brewhaus", categoryId: kitchen, description: "For coffee at home" });
});

describe("PostgreSQL search: prefixes and corrections", () => {
  it("matches words as prefixes while typing, without a correction", async () => {
    expect(await search("jack")).toEqual({ titles: expect.arrayContaining(["Rain Jacket", "Field Jacket"]), didYouMean: undefined });
    expect((await search("jack")).titles).toHaveLength(2);
    expect((await search("overc")).titles.sort()).toEqual(["Camel Overcoat", "Wool Overcoat"]);
    expect((await search("head son")).titles.sort()).toEqual(["On-Ear Headphones", "Over-Ear Headphones"]);
  });

  it("corrects misspelt words to the catalogue's own and says so", async () => {
    const overcoats = await search("overcaot");
    expect(overcoats.titles.sort()).toEqual(["Camel Overcoat", "Wool Overcoat"]);
    expect(overcoats.didYouMean).toBe("overcoat");
    expect(await search("headphnes")).toMatchObject({ didYouMean: "headphones" });
    expect((await search("headphnes")).titles).toHaveLength(2);
    const coffee = await search("cofee");
    expect(coffee.didYouMean).toBe("coffee");
    expect(coffee.titles).toEqual(["Coffee Maker", "Espresso Machine"]);
    expect((await search("wool overcaot")).titles).toEqual(["Wool Overcoat"]);
  });

  it("counts facets for the corrected query too", async () => {
    const facets = await api().facets({ q: "overcaot" });
    expect(facets.total).toBe(2);
    expect(facets.brands).toEqual([{ value: "Harbour", count: 2 }]);
  });

  it("ranks the product with an exact SKU first, in any case", async () => {
    expect((await search("AUD-000043-1")).titles[0]).toBe("On-Ear Headphones");
    expect((await search("aud-000042-1")).titles[0]).toBe("Over-Ear Headphones");
  });

  it("keeps words that match products outside the filters or pages asked for, and corrects a typo under a filter", async () => {
    for (const empty of [await api().listProducts({ q: "jacket", brands: ["Harbour"] }), await api().listProducts({ q: "jacket", limit: 2, page: 2 })]) {
      expect(empty.items).toEqual([]);
      expect(empty.didYouMean).toBeUndefined();
    }
    expect(await api().facets({ q: "jacket", categorySlug: "kitchen" })).toMatchObject({ total: 0 });
    const corrected = await api().listProducts({ q: "jakcet", brands: ["Northfold"] });
    expect(corrected.didYouMean).toBe("jacket");
    expect(corrected.items.map((i) => i.title).sort()).toEqual(["Field Jacket", "Rain Jacket"]);
  });

  it("finds nothing and suggests nothing for nonsense", async () => {
    expect(await search("qzxvvk")).toEqual({ titles: [], didYouMean: undefined });
  });

  it("forgets the words of products taken off the shop, and learns new ones", async () => {
    const [lamp] = await t.db.insert(products).values({ slug: "brass-lamp", title: "Brass Lamp", brand: "Lumen", categoryId: (await t.db.select().from(products).limit(1))[0]!.categoryId, status: "active", priceMin: 100, priceMax: 100 }).returning();
    expect(await search("bras")).toMatchObject({ titles: ["Brass Lamp"], didYouMean: undefined });
    expect(await search("brsas")).toMatchObject({ titles: ["Brass Lamp"], didYouMean: "brass" });
    await t.db.update(products).set({ status: "archived" }).where(eq(products.id, lamp!.id));
    expect(await search("brsas")).toEqual({ titles: [], didYouMean: undefined });
  });
});
