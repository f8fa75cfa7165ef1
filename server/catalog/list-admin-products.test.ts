import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { adminCaller, seedCatalogBasics, shirtInput } from "./admin-test-fixtures";

const t = useTestDatabase();

beforeAll(async () => {
  const { categoryId } = await seedCatalogBasics(t.db);
  const api = adminCaller(t.db);
  const linen = { ...shirtInput(categoryId, "linen-shirt", "LIN"), title: "Linen shirt", status: "draft" as const };
  await api.adminProducts.create(linen);
  await api.adminProducts.create({ ...shirtInput(categoryId, "oxford-shirt", "OXF"), title: "Oxford shirt" });
  const chinos = { ...shirtInput(categoryId, "chinos", "CHN"), title: "Chinos 100% cotton" };
  chinos.variants = [chinos.variants[0]!];
  const { id } = await api.adminProducts.create(chinos);
  await api.adminProducts.archive({ id });
});

const titles = (items: { title: string }[]) => items.map((i) => i.title).sort();

describe("adminProducts.list", () => {
  it("lists every status, most recently edited first, with counts and prices", async () => {
    const { items, total } = await adminCaller(t.db).adminProducts.list({});
    expect(total).toBe(3);
    expect(items.map((i) => i.slug)).toEqual(["chinos", "oxford-shirt", "linen-shirt"]);
    expect(items[0]).toMatchObject({ status: "archived", variantCount: 1, priceMin: 4500, currency: "EUR", brand: "Harbour" });
    expect(items[1]).toMatchObject({ status: "active", variantCount: 2 });
  });

  it("searches title, slug and SKU, ignoring case", async () => {
    const api = adminCaller(t.db);
    expect(titles((await api.adminProducts.list({ q: "SHIRT" })).items)).toEqual(["Linen shirt", "Oxford shirt"]);
    expect(titles((await api.adminProducts.list({ q: "linen-sh" })).items)).toEqual(["Linen shirt"]);
    expect(titles((await api.adminProducts.list({ q: "oxf-l" })).items)).toEqual(["Oxford shirt"]);
    expect((await api.adminProducts.list({ q: "nothing like this" })).total).toBe(0);
  });

  it("takes % and _ in the search literally", async () => {
    const api = adminCaller(t.db);
    expect(titles((await api.adminProducts.list({ q: "100%" })).items)).toEqual(["Chinos 100% cotton"]);
    expect((await api.adminProducts.list({ q: "%" })).total).toBe(1);
    expect((await api.adminProducts.list({ q: "_" })).total).toBe(0);
  });

  it("filters by status", async () => {
    const { items, total } = await adminCaller(t.db).adminProducts.list({ status: "draft" });
    expect(total).toBe(1);
    expect(items.map((i) => i.slug)).toEqual(["linen-shirt"]);
  });

  it("pages through the results with the total of all pages", async () => {
    const api = adminCaller(t.db);
    const page1 = await api.adminProducts.list({ page: 1, pageSize: 2 });
    const page2 = await api.adminProducts.list({ page: 2, pageSize: 2 });
    expect(page1.items).toHaveLength(2);
    expect(page2.items.map((i) => i.slug)).toEqual(["linen-shirt"]);
    expect([page1.total, page2.total]).toEqual([3, 3]);
    expect((await api.adminProducts.list({ page: 3, pageSize: 2 })).items).toEqual([]);
  });
});
