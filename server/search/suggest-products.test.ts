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

  it("suggests from the correction when the words match nothing", async () => {
    expect(await api().suggest({ q: "speeker" })).toMatchObject({ products: [{ title: "Bluetooth Speaker" }], didYouMean: "speaker" });
    expect(await api().suggest({ q: "100%_" })).toEqual({ products: [], categories: [], didYouMean: undefined });
  });

  it("refuses empty and oversized text as bad input", async () => {
    await expect(api().suggest({ q: "  " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api().suggest({ q: "x".repeat(101) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
