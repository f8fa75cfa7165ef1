import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { outboxEvents } from "@/server/events/test-outbox";
import { useTestDatabase } from "@/test/db";
import { adminCaller, clientError, seedCatalogBasics, shirtInput } from "./admin-test-fixtures";

const t = useTestDatabase();
const ids: number[] = [];

beforeAll(async () => {
  const { categoryId } = await seedCatalogBasics(t.db);
  await t.db.execute(sql`insert into users (id, email, role) values ('admin-1', 'admin-1@emporium.test', 'admin') on conflict do nothing`);
  for (const [n, status] of (["draft", "active", "active"] as const).entries()) {
    ids.push((await adminCaller(t.db).adminProducts.create({ ...shirtInput(categoryId, `shirt-${n}`), status })).id);
  }
});

const statuses = async () => (await t.db.execute<{ id: number; status: string }>(sql`select id, status from products order by id`)).map((r) => r.status);
const updatedAt = async () => (await t.db.execute<{ u: string }>(sql`select updated_at::text as u from products order by id`)).map((r) => r.u);

describe("adminProducts.setStatus (bulk)", () => {
  it("archives the selected products together, announcing each whose status changed, and leaves the rest alone", async () => {
    await t.db.execute(sql`delete from outbox`);
    const before = await updatedAt();
    const result = await adminCaller(t.db).adminProducts.setStatus({ ids: [ids[0]!, ids[1]!], status: "archived" });
    expect(result).toEqual({ status: "archived", changed: [ids[0], ids[1]] });
    expect(await statuses()).toEqual(["archived", "archived", "active"]);
    const after = await updatedAt();
    expect(after[0]).not.toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect((await outboxEvents(t.db)).filter((e) => e.name === "shop/product.changed").map((e) => e.data.productId)).toEqual([ids[0], ids[1]]);
  });

  it("a product already in that status keeps its updated_at and is not announced again", async () => {
    await t.db.execute(sql`delete from outbox`);
    const before = await updatedAt();
    const result = await adminCaller(t.db).adminProducts.setStatus({ ids: [ids[0]!, ids[2]!], status: "archived" });
    expect(result.changed).toEqual([ids[2]]);
    expect((await updatedAt())[0]).toBe(before[0]);
    expect((await outboxEvents(t.db)).map((e) => e.data.productId)).toEqual([ids[2]]);
  });

  it("an unknown id fails the whole action: nothing changes, nothing is announced", async () => {
    await t.db.execute(sql`delete from outbox`);
    expect(await clientError(adminCaller(t.db).adminProducts.setStatus({ ids: [ids[0]!, 99_999], status: "active" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await statuses()).toEqual(["archived", "archived", "archived"]);
    expect(await outboxEvents(t.db)).toEqual([]);
  });

  it("refuses an empty selection, more than 100 products and an unknown status as BAD_REQUEST", async () => {
    const api = adminCaller(t.db).adminProducts;
    expect(await clientError(api.setStatus({ ids: [], status: "active" }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await clientError(api.setStatus({ ids: Array.from({ length: 101 }, (_, i) => i + 1), status: "active" }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await clientError(api.setStatus({ ids: [1], status: "deleted" as "active" }))).toMatchObject({ code: "BAD_REQUEST" });
  });
});
