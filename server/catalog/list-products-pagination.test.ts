import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, type Db } from "@/db/client";
import { useTestDatabase } from "@/test/db";
import { createCaller } from "../trpc/root";
import type { CatalogSort, ListProductsInput } from "./schemas";
import { insertCategory, insertProduct } from "./test-fixtures";

// The PostgreSQL adapter behind the router, even where MEILISEARCH_HOST is set (CI): the parity suite covers Meilisearch.
vi.stubEnv("MEILISEARCH_HOST", "");

const t = useTestDatabase();
const api = () => createCaller({ db: t.db, actor: { type: "anonymous" } }).catalog;
let categoryId: number;
let writer: Db;

const PRICES = [1500, 990, 2500, 990, 1500, 4000, 990];
const sameInstant = new Date("2026-03-01T10:00:00.123Z");

beforeAll(async () => {
  categoryId = await insertCategory(t.db, { slug: "everything" });
  for (let i = 0; i < 40; i++) {
    // Ties on every sort key: shared prices, a shared instant, identical titles for the same rank.
    await insertProduct(t.db, {
      categoryId,
      title: i % 2 ? "Canvas Tote" : "Canvas Tote Bag Large",
      createdAt: i % 4 ? new Date(Date.UTC(2026, 1, 1 + i)) : sameInstant,
      variants: [{ priceAmount: PRICES[i % PRICES.length] }],
    });
  }
  // Timestamps a microsecond apart within one millisecond, finer than a JS Date can hold.
  await t.db.execute(sql`update products set created_at = timestamptz '2026-03-02 10:00:00.5' + (id % 5) * interval '1 microsecond'
    where id % 3 = 1`);
  writer = createDb(t.url, { max: 1 });
});

afterAll(async () => {
  await writer?.$client.end();
});

async function allPages(input: ListProductsInput, between: () => Promise<unknown> = async () => {}) {
  const ids: number[] = [];
  let cursor: string | undefined;
  do {
    const [page] = await Promise.all([api().listProducts({ ...input, cursor }), between()]);
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

async function visibleIds(orderBy: ReturnType<typeof sql>) {
  const rows = await t.db.execute<{ id: number }>(sql`select id from products where status = 'active' order by ${orderBy}`);
  return rows.map((r) => r.id);
}

describe("catalog.listProducts pagination", () => {
  it("pages through every sort exactly like a full SQL sort", async () => {
    expect(await allPages({ sort: "price_asc", limit: 7 })).toEqual(await visibleIds(sql`price_min asc, id asc`));
    expect(await allPages({ sort: "price_desc", limit: 7 })).toEqual(await visibleIds(sql`price_min desc, id desc`));
    expect(await allPages({ sort: "newest", limit: 7 })).toEqual(await visibleIds(sql`created_at desc, id desc`));
  });

  it("numbered pages are slices of the full sort; past the end is empty", async () => {
    const all = await visibleIds(sql`price_min asc, id asc`);
    const pages = Math.ceil(all.length / 7);
    for (let page = 1; page <= pages + 1; page++) {
      const { items } = await api().listProducts({ sort: "price_asc", limit: 7, page });
      expect(items.map((i) => i.id)).toEqual(all.slice((page - 1) * 7, page * 7));
    }
  });

  it("refuses a page with a cursor, and a page beyond the 10,000th product, as bad input", async () => {
    const first = await api().listProducts({ sort: "price_asc", limit: 7 });
    await expect(api().listProducts({ sort: "price_asc", limit: 7, page: 2, cursor: first.nextCursor! })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api().listProducts({ limit: 100, page: 101 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await api().listProducts({ limit: 100, page: 100 })).items).toEqual([]);
  });

  it.each<[CatalogSort, string | undefined]>([
    ["newest", undefined],
    ["price_asc", undefined],
    ["price_desc", undefined],
    ["relevance", "canvas tote"],
  ])("never skips or repeats a product while others are inserted (%s)", async (sort, q) => {
    const before = await visibleIds(sql`id`);
    let batch = 0;
    const insertSome = async () => {
      batch++;
      for (const [i, price] of [100, 2500, 99_000].entries()) {
        await insertProduct(writer, {
          categoryId,
          title: i ? "Canvas Tote" : "Canvas Tote Bag Large",
          // One of each batch is back-dated, as a transaction that started long ago and commits now would be.
          ...(i === 1 ? { createdAt: new Date(Date.UTC(2026, 1, batch)) } : {}),
          variants: [{ priceAmount: price }],
        });
      }
    };
    const seen = await allPages({ sort, q, limit: 5 }, insertSome);

    expect(batch).toBeGreaterThanOrEqual(8);
    expect(new Set(seen).size).toBe(seen.length);
    const seenSet = new Set(seen);
    expect(before.filter((id) => !seenSet.has(id))).toEqual([]);
  });
});
