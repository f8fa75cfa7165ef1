import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { outboxEvents } from "@/server/events/test-outbox";
import { useTestDatabase } from "@/test/db";
import { listCategoryTree } from "./list-category-tree";
import { actors, adminCaller, clientError, seedCatalogBasics, shirtInput } from "./admin-test-fixtures";

const t = useTestDatabase({ max: 20 });
const api = () => adminCaller(t.db).adminCategories;
let basics: Awaited<ReturnType<typeof seedCatalogBasics>>;

beforeAll(async () => {
  basics = await seedCatalogBasics(t.db);
  await t.db.execute(sql`insert into users (id, email, role) values ('admin-1', 'admin-1@emporium.test', 'admin') on conflict do nothing`);
});

/** The tree as "parent > child" names, siblings in order. */
async function outline(): Promise<string[]> {
  const lines: string[] = [];
  const walk = (nodes: Awaited<ReturnType<typeof listCategoryTree>>, prefix: string) =>
    nodes.forEach((n) => {
      lines.push(prefix + n.name);
      walk(n.children, `${prefix}${n.name} > `);
    });
  walk(await listCategoryTree({ db: t.db, actor: actors.anonymous }), "");
  return lines;
}

const productEvents = async () => (await outboxEvents(t.db)).filter((e) => e.name === "shop/product.changed").map((e) => e.data.productId as number);

describe("admin categories", () => {
  it("creates categories last among their siblings, and refuses a taken slug or a missing parent as field errors", async () => {
    const shoes = await api().create({ name: "Shoes", slug: "shoes", parentId: null });
    await api().create({ name: "Boots", slug: "boots", parentId: shoes.id });
    await api().create({ name: "Sandals", slug: "sandals", parentId: shoes.id });
    expect(await outline()).toEqual(["Clothing", "Clothing > Shirts", "Shoes", "Shoes > Boots", "Shoes > Sandals"]);
    expect(await clientError(api().create({ name: "Other shoes", slug: "shoes", parentId: null }))).toMatchObject({ code: "CONFLICT", fieldErrors: { slug: "That slug is taken" } });
    expect(await clientError(api().create({ name: "Lost", slug: "lost", parentId: 99_999 }))).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { parentId: expect.any(String) } });
    expect(await clientError(api().create({ name: " ", slug: "Bad Slug", parentId: null }))).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("renames without touching the slug or announcing products", async () => {
    const before = (await outboxEvents(t.db)).length;
    await api().rename({ id: basics.categoryId, name: "Shirts & blouses" });
    const [row] = await t.db.execute<{ slug: string; name: string }>(sql`select slug, name from categories where id = ${basics.categoryId}`);
    expect(row).toEqual({ slug: "shirts", name: "Shirts & blouses" });
    expect(await outboxEvents(t.db)).toHaveLength(before);
    expect(await clientError(api().rename({ id: 99_999, name: "x" }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("moves a subtree and announces every product inside it (their category path changed), and only those", async () => {
    const api2 = adminCaller(t.db).adminProducts;
    const inShirts = await api2.create(shirtInput(basics.categoryId, "moved-shirt", "MOV"));
    const [other] = await t.db.execute<{ id: number }>(sql`select id from categories where slug = 'boots'`);
    await api2.create(shirtInput(other!.id, "boot", "BOOT"));
    await t.db.execute(sql`delete from outbox`);

    const [shoes] = await t.db.execute<{ id: number }>(sql`select id from categories where slug = 'shoes'`);
    expect(await api().move({ id: basics.parentCategoryId, parentId: shoes!.id })).toMatchObject({ moved: true });
    expect(await outline()).toEqual(["Shoes", "Shoes > Boots", "Shoes > Sandals", "Shoes > Clothing", "Shoes > Clothing > Shirts & blouses"]);
    expect(await productEvents()).toEqual([inShirts.id]);

    // To where it already is: nothing changes, nothing is announced.
    expect(await api().move({ id: basics.parentCategoryId, parentId: shoes!.id })).toMatchObject({ moved: false });
    expect(await productEvents()).toEqual([inShirts.id]);
    await api().move({ id: basics.parentCategoryId, parentId: null });
    expect(await outline()).toEqual(["Shoes", "Shoes > Boots", "Shoes > Sandals", "Clothing", "Clothing > Shirts & blouses"]);
  });

  it("refuses a move into itself or its own subtree, through the verb and in the database", async () => {
    const cycle = { code: "BAD_REQUEST", fieldErrors: { parentId: expect.stringContaining("cannot move into itself") } };
    expect(await clientError(api().move({ id: basics.parentCategoryId, parentId: basics.parentCategoryId }))).toMatchObject(cycle);
    expect(await clientError(api().move({ id: basics.parentCategoryId, parentId: basics.categoryId }))).toMatchObject(cycle);
    expect(await clientError(api().move({ id: basics.parentCategoryId, parentId: 99_999 }))).toMatchObject({ code: "BAD_REQUEST" });
    await expect(t.db.execute(sql`update categories set parent_id = ${basics.categoryId} where id = ${basics.parentCategoryId}`)).rejects.toMatchObject({
      cause: { constraint_name: "categories_no_cycle" },
    });
  });

  it("two concurrent moves that would close a loop between them: exactly one wins, the tree stays a tree", async () => {
    for (let round = 0; round < 10; round++) {
      const a = await api().create({ name: `A${round}`, slug: `a-${round}`, parentId: null });
      const b = await api().create({ name: `B${round}`, slug: `b-${round}`, parentId: null });
      const results = await Promise.allSettled([api().move({ id: a.id, parentId: b.id }), api().move({ id: b.id, parentId: a.id })]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rows = await t.db.execute<{ id: number; parent_id: number | null }>(sql`select id, parent_id from categories where id in (${a.id}, ${b.id})`);
      expect(rows.filter((r) => r.parent_id === null)).toHaveLength(1);
    }
  });

  it("reorders siblings, and refuses a list that is not exactly the parent's children", async () => {
    const [shoes] = await t.db.execute<{ id: number }>(sql`select id from categories where slug = 'shoes'`);
    const children = await t.db.execute<{ id: number }>(sql`select id from categories where parent_id = ${shoes!.id} order by position`);
    const ids = children.map((c) => c.id);
    await api().reorder({ parentId: shoes!.id, ids: [...ids].reverse() });
    expect((await outline()).filter((l) => l.startsWith("Shoes >"))).toEqual(["Shoes > Sandals", "Shoes > Boots"]);
    expect(await clientError(api().reorder({ parentId: shoes!.id, ids: [ids[0]!] }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await clientError(api().reorder({ parentId: shoes!.id, ids: [ids[0]!, basics.categoryId] }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await clientError(api().reorder({ parentId: shoes!.id, ids: [ids[0]!, ids[0]!] }))).toMatchObject({ code: "BAD_REQUEST" });
    expect((await outline()).filter((l) => l.startsWith("Shoes >"))).toEqual(["Shoes > Sandals", "Shoes > Boots"]);
  });
});
