import { describe, expect, it, beforeAll } from "vitest";
import { useTestDatabase } from "@/test/db";
import { systemContext } from "../context";
import { createCaller } from "../trpc/root";
import { countSitemapFiles, listSitemapProducts } from "./list-sitemap-products";
import { insertCategory, insertProduct } from "./test-fixtures";

const t = useTestDatabase();
const api = () => createCaller({ db: t.db, actor: { type: "anonymous" } }).catalog;
const active: string[] = [];

beforeAll(async () => {
  const categoryId = await insertCategory(t.db, { slug: "everything" });
  for (let i = 0; i < 7; i++) active.push((await insertProduct(t.db, { categoryId, title: `Active ${i}` })).slug);
  await insertProduct(t.db, { categoryId, title: "Draft", status: "draft" });
  await insertProduct(t.db, { categoryId, title: "Archived", status: "archived" });
  await insertProduct(t.db, { categoryId, title: "Unpriced", variants: [] });
});

describe("product sitemap", () => {
  it("lists every active product once and no drafts, archived or unpriced ones", async () => {
    expect(await api().sitemapFiles()).toBe(1);
    const entries = await api().sitemapProducts({ file: 0 });
    expect(entries.map((e) => e.slug).sort()).toEqual([...active].sort());
    expect(entries[0]?.updatedAt).toBeInstanceOf(Date);
    expect(await api().sitemapProducts({ file: 1 })).toEqual([]);
  });

  it("splits the products over files of at most the file size, each product in exactly one", async () => {
    const ctx = systemContext(t.db, "sitemap-test");
    expect(await countSitemapFiles(ctx, 3)).toBe(3);
    const files = await Promise.all([0, 1, 2].map((file) => listSitemapProducts(ctx, { file }, 3)));
    expect(files.map((f) => f.length)).toEqual([3, 3, 1]);
    const slugs = files.flat().map((e) => e.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs.sort()).toEqual([...active].sort());
  });

  it("refuses a file number out of range as bad input", async () => {
    await expect(api().sitemapProducts({ file: -1 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api().sitemapProducts({ file: 200 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
