import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { callWithValidInput, procedureNamesOf } from "@/test/admin-procedures";
import { useTestDatabase } from "@/test/db";
import type { ServiceContext } from "../context";
import { createCaller } from "../trpc/root";
import { actors, clientError, seedCatalogBasics } from "./admin-test-fixtures";
import { createCategory } from "./create-category";
import { moveCategory } from "./move-category";
import { renameCategory } from "./rename-category";
import { reorderCategories } from "./reorder-categories";

const t = useTestDatabase();
let validInputs: Record<string, () => unknown>;

beforeAll(async () => {
  const { parentCategoryId, categoryId } = await seedCatalogBasics(t.db);
  await t.db.execute(sql`insert into users (id, email, role) values ('admin-1', 'admin-1@emporium.test', 'admin') on conflict do nothing`);
  let n = 0;
  validInputs = {
    create: () => ({ name: "New", slug: `new-${++n}`, parentId: null }),
    rename: () => ({ id: categoryId, name: "Renamed" }),
    move: () => ({ id: categoryId, parentId: parentCategoryId }),
    reorder: () => ({ parentId: parentCategoryId, ids: [categoryId] }),
  };
});

const procedureNames = procedureNamesOf("adminCategories");
const call = (actor: (typeof actors)[keyof typeof actors], name: string) => callWithValidInput(createCaller({ db: t.db, actor }), "adminCategories", name, validInputs);

describe("adminCategories authorisation", () => {
  it("covers the whole router", () => {
    expect(procedureNames.sort()).toEqual(["create", "move", "rename", "reorder"]);
  });

  it.each(procedureNames)("%s: anonymous -> UNAUTHORIZED, shopper -> FORBIDDEN, admin -> ok", async (name) => {
    expect((await clientError(call(actors.anonymous, name))).code).toBe("UNAUTHORIZED");
    expect((await clientError(call(actors.shopper, name))).code).toBe("FORBIDDEN");
    await expect(call(actors.admin, name)).resolves.toBeDefined();
  });

  it("each verb checks the actor itself, whoever calls it", async () => {
    const ctx: ServiceContext = { db: t.db, actor: actors.shopper };
    const verbs = [
      () => createCategory(ctx, { name: "x", slug: "x", parentId: null }),
      () => renameCategory(ctx, { id: 1, name: "x" }),
      () => moveCategory(ctx, { id: 2, parentId: null }),
      () => reorderCategories(ctx, { parentId: null, ids: [1] }),
    ];
    for (const verb of verbs) await expect(verb()).rejects.toMatchObject({ kind: "Forbidden" });
  });
});
