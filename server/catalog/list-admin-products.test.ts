import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { adminCaller, clientError, seedCatalogBasics, shirtInput } from "./admin-test-fixtures";
import type { AdminProductSort } from "./admin-schemas";

const t = useTestDatabase();
let basics: Awaited<ReturnType<typeof seedCatalogBasics>>;

/** A one-variant product with a price and units in the first warehouse. */
function product(slug: string, title: string, price: number, units: number) {
  const input = { ...shirtInput(basics.categoryId, slug, slug.toUpperCase()), title, options: [] };
  input.variants = [{ ...input.variants[0]!, optionValues: {}, priceAmount: price, initialStock: [{ warehouseId: basics.warehouseIds[0]!, onHand: units }] }];
  return input;
}

beforeAll(async () => {
  basics = await seedCatalogBasics(t.db);
  // Admin mutations are audited with their actor, who must exist.
  await t.db.execute(sql`insert into users (id, email, role) values ('admin-1', 'admin-1@emporium.test', 'admin') on conflict do nothing`);
  const api = adminCaller(t.db);
  await api.adminProducts.create({ ...product("linen-shirt", "Linen shirt", 3000, 4), status: "draft", images: [] });
  await api.adminProducts.create({ ...shirtInput(basics.categoryId, "oxford-shirt", "OXF"), title: "Oxford shirt" });
  const { id } = await api.adminProducts.create({ ...product("chinos", "Chinos 100% cotton", 4500, 0) });
  await api.adminProducts.archive({ id });
  // Ties on every key, so only the id tiebreak keeps paging exact.
  for (const n of [1, 2, 3, 4, 5]) await api.adminProducts.create(product(`tee-${n}`, "Tee", n % 2 ? 1500 : 2500, n % 3));
  // One variant's units held by a cart do not count as available; a deactivated warehouse's units do not either.
  await t.db.execute(sql`update stock_levels set reserved = 1 where variant_id = (select id from variants where sku = 'LINEN-SHIRT-M') and warehouse_id = ${basics.warehouseIds[0]!}`);
  await t.db.execute(sql`insert into stock_levels (variant_id, warehouse_id, on_hand) select id, ${basics.warehouseIds[1]!}, 50 from variants where sku = 'TEE-1-M'
                         on conflict (variant_id, warehouse_id) do update set on_hand = 50`);
  await t.db.execute(sql`update warehouses set active = false where id = ${basics.warehouseIds[1]!}`);
});

const titles = (items: { title: string }[]) => items.map((i) => i.title).sort();
const api = () => adminCaller(t.db).adminProducts;

/** Every page of a sort, following next cursors from the first page. */
async function walk(sort: AdminProductSort, pageSize: number) {
  const seen: { id: number; title: string; priceMin: number | null; available: number; updatedAt: Date }[] = [];
  let page = await api().list({ sort, pageSize });
  const pages = [page];
  seen.push(...page.items);
  while (page.nextCursor) {
    page = await api().list({ sort, pageSize, after: page.nextCursor });
    pages.push(page);
    seen.push(...page.items);
  }
  return { seen, pages };
}

describe("adminProducts.list", () => {
  it("shows the first image, the price and the units available to sell", async () => {
    const { items, total } = await api().list({ q: "shirt" });
    expect(total).toBe(2);
    const oxford = items.find((i) => i.slug === "oxford-shirt")!;
    expect(oxford).toMatchObject({ imageUrl: "https://images.test/oxford.jpg", imageAlt: "Oxford shirt, front", priceMin: 4500, currency: "EUR", variantCount: 2, available: 0 });
    expect(items.find((i) => i.slug === "linen-shirt")).toMatchObject({ imageUrl: null, status: "draft", priceMin: 3000, available: 3 });
    expect((await api().list({ q: "TEE-1" })).items[0]).toMatchObject({ available: 1 });
  });

  it("searches title, slug and SKU ignoring case, takes % and _ literally, and filters by status", async () => {
    expect(titles((await api().list({ q: "SHIRT" })).items)).toEqual(["Linen shirt", "Oxford shirt"]);
    expect(titles((await api().list({ q: "oxf-l" })).items)).toEqual(["Oxford shirt"]);
    expect(titles((await api().list({ q: "100%" })).items)).toEqual(["Chinos 100% cotton"]);
    expect((await api().list({ q: "_" })).total).toBe(0);
    expect((await api().list({ status: "archived" })).items.map((i) => i.slug)).toEqual(["chinos"]);
  });

  const expectations: [AdminProductSort, (a: Awaited<ReturnType<typeof walk>>["seen"][number], b: Awaited<ReturnType<typeof walk>>["seen"][number]) => number][] = [
    ["updated_desc", (a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || b.id - a.id],
    ["title_asc", (a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : a.id - b.id)],
    ["price_desc", (a, b) => (b.priceMin ?? -1) - (a.priceMin ?? -1) || b.id - a.id],
    ["stock_asc", (a, b) => a.available - b.available || a.id - b.id],
    ["stock_desc", (a, b) => b.available - a.available || b.id - a.id],
  ];

  it.each(expectations)("%s: pages of 2 by cursor give every product once, in order, and walk back the same way", async (sort, compare) => {
    const all = (await api().list({ sort, pageSize: 100 })).items;
    expect(all).toHaveLength(8);
    expect(all.map((i) => i.id)).toEqual([...all].sort(compare).map((i) => i.id));
    const { seen, pages } = await walk(sort, 2);
    expect(seen.map((i) => i.id)).toEqual(all.map((i) => i.id));
    expect(pages.map((p) => p.total)).toEqual([8, 8, 8, 8]);
    expect(pages[0]!.prevCursor).toBeNull();
    // Back from the last page with each page's prev cursor: the same pages, in reverse.
    let page = pages.at(-1)!;
    for (let i = pages.length - 2; i >= 0; i--) {
      page = await api().list({ sort, pageSize: 2, before: page.prevCursor! });
      expect(page.items.map((r) => r.id)).toEqual(pages[i]!.items.map((r) => r.id));
    }
    expect(page.prevCursor).toBeNull();
  });

  it("a product added between two pages neither repeats nor shifts a row (keyset, not offset)", async () => {
    const first = await api().list({ sort: "price_asc", pageSize: 3 });
    await adminCaller(t.db).adminProducts.create(product("cheap-socks", "Cheap socks", 100, 1));
    const second = await api().list({ sort: "price_asc", pageSize: 3, after: first.nextCursor! });
    const all = (await api().list({ sort: "price_asc", pageSize: 100 })).items.map((i) => i.id);
    expect(second.items.map((i) => i.id)).toEqual(all.slice(4, 7));
    expect(first.items.map((i) => i.id)).toEqual(all.slice(1, 4));
  });

  it("refuses a cursor from another sort or a forged one as BAD_REQUEST", async () => {
    const { nextCursor } = await api().list({ sort: "title_asc", pageSize: 2 });
    expect(await clientError(api().list({ sort: "price_asc", after: nextCursor! }))).toMatchObject({ code: "BAD_REQUEST" });
    const forged = Buffer.from(JSON.stringify({ s: "price_asc", k: "x'; drop table products", id: 1 })).toString("base64url");
    expect(await clientError(api().list({ sort: "price_asc", after: forged }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await clientError(api().list({ after: "abc", before: "abc" }))).toMatchObject({ code: "BAD_REQUEST" });
  });
});
