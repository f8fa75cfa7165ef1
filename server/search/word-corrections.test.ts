import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { products } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { insertCategory, insertProduct } from "../catalog/test-fixtures";
import { createCaller } from "../trpc/root";
import { MAX_REMEMBERED_WORDS, remember, rememberedCorrections } from "./word-corrections";

// Through the router on the PostgreSQL adapter, even where MEILISEARCH_HOST is set.
vi.stubEnv("MEILISEARCH_HOST", "");

const t = useTestDatabase();
const ctx = () => ({ db: t.db, actor: { type: "anonymous" as const } });

/** The page a shopper sees for `q`, and how many statements answering it took. */
async function search(q: string) {
  const execute = vi.spyOn(t.db, "execute");
  try {
    const page = await createCaller(ctx()).catalog.listProducts({ q });
    return { titles: page.items.map((i) => i.title).sort(), didYouMean: page.didYouMean, statements: execute.mock.calls.length };
  } finally {
    execute.mockRestore();
  }
}

let categoryId: number;
beforeAll(async () => {
  categoryId = await insertCategory(t.db, { slug: "home" });
  await insertProduct(t.db, { title: "Brass Lamp", brand: "Lumen", categoryId });
  await insertProduct(t.db, { title: "Wool Overcoat", brand: "Harbour", categoryId });
});

describe("remembered word corrections", () => {
  it("answers a misspelling searched again in one statement, with the same page", async () => {
    const first = await search("overcaot");
    expect(first).toEqual({ titles: ["Wool Overcoat"], didYouMean: "overcoat", statements: 3 });
    expect(await search("overcaot")).toEqual({ ...first, statements: 1 });
    // One word not looked up yet: the correction is looked up again.
    expect(await search("wool overcaot")).toEqual({ titles: ["Wool Overcoat"], didYouMean: "wool overcoat", statements: 3 });
  });

  it("sees a change of the vocabulary at once, from any connection", async () => {
    expect(await search("lamq")).toMatchObject({ titles: ["Brass Lamp"], didYouMean: "lamp" });
    expect((await search("lamq")).statements).toBe(1);
    const lamp = await t.db.select({ id: products.id }).from(products).where(eq(products.title, "Brass Lamp"));
    await t.db.update(products).set({ status: "archived" }).where(eq(products.id, lamp[0]!.id));
    await insertProduct(t.db, { title: "Roast Lamb", brand: "Fieldhouse", categoryId });
    expect(await search("lamq")).toMatchObject({ titles: ["Roast Lamb"], didYouMean: "lamb" });
    expect(await search("lamq")).toMatchObject({ titles: ["Roast Lamb"], didYouMean: "lamb", statements: 1 });
  });

  it("is not read or written inside a transaction, which may see a vocabulary that never commits", async () => {
    await search("overcaot");
    const rolledBack = t.db.transaction(async (tx) => {
      await tx.update(products).set({ status: "archived" }).where(eq(products.title, "Wool Overcoat"));
      const page = await createCaller({ db: t.db, tx, actor: { type: "anonymous" } }).catalog.listProducts({ q: "overcaot" });
      expect(page.items).toEqual([]);
      expect(page.didYouMean).toBeUndefined();
      throw new Error("roll back");
    });
    await expect(rolledBack).rejects.toThrow("roll back");
    expect(await search("overcaot")).toEqual({ titles: ["Wool Overcoat"], didYouMean: "overcoat", statements: 1 });
  });

  it("keeps at most MAX_REMEMBERED_WORDS words, forgetting the oldest first", () => {
    const version = Number.MAX_SAFE_INTEGER;
    const words = Array.from({ length: MAX_REMEMBERED_WORDS + 1 }, (_, i) => `w${i}`);
    remember(ctx(), version, words.map((w) => [w, w]));
    expect(rememberedCorrections(ctx(), [words[0]!])).toBeNull();
    expect(rememberedCorrections(ctx(), words.slice(1))).toEqual({ version, corrected: words.slice(1) });
  });
});
