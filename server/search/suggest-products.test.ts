import { beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/test/db";
import { createCaller } from "../trpc/root";
import { insertSearchCatalogue } from "./test-catalogue";

vi.stubEnv("MEILISEARCH_HOST", "");

const t = useTestDatabase();
const api = () => createCaller({ db: t.db, actor: { type: "anonymous" } }).catalog;

beforeAll(() => insertSearchCatalogue(t.db));

describe("catalog.suggest", () => {
  it("offers products as the shopper types, and matching categories, to anyone", async () => {
    const s = await api().suggest({ q: "lin" });
    expect(s.products.map((p) => p.title).sort()).toEqual(["Linen Shirt", "Linen Tee"]);
    expect(s.products[0]).toEqual({ slug: expect.any(String), title: expect.any(String), brand: expect.any(String), priceMin: expect.any(Number), currency: "USD", imageUrl: null });
    expect((await api().suggest({ q: "sh" })).categories).toEqual([{ slug: "shirts", name: "Shirts" }]);
  });

  it("reads the products and the categories in one statement", async () => {
    const execute = vi.spyOn(t.db, "execute");
    try {
      const s = await api().suggest({ q: "shi" });
      expect({ products: s.products.map((p) => p.title).sort(), categories: s.categories }).toEqual({
        products: ["Linen Shirt", "Oxford Shirt", "Wool Jumper"],
        categories: [{ slug: "shirts", name: "Shirts" }],
      });
      expect(execute).toHaveBeenCalledTimes(1);
    } finally {
      execute.mockRestore();
    }
  });

  it("suggests from the correction when the words match nothing", async () => {
    const first = await api().suggest({ q: "speeker" });
    expect(first).toMatchObject({ products: [{ title: "Bluetooth Speaker" }], categories: [], didYouMean: "speaker" });
    // Asked again, the remembered correction answers in one statement, the categories still read beside it.
    const execute = vi.spyOn(t.db, "execute");
    try {
      expect(await api().suggest({ q: "speeker" })).toEqual(first);
      expect(execute).toHaveBeenCalledTimes(1);
    } finally {
      execute.mockRestore();
    }
    expect(await api().suggest({ q: "100%_" })).toEqual({ products: [], categories: [], didYouMean: undefined });
  });

  it("refuses empty and oversized text as bad input", async () => {
    await expect(api().suggest({ q: "  " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api().suggest({ q: "x".repeat(101) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
