import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import type { ServiceContext } from "../context";
import { appRouter, createCaller } from "../trpc/root";
import { actors, adminCaller, clientError, seedCatalogBasics, shirtInput } from "./admin-test-fixtures";
import { archiveProduct } from "./archive-product";
import { createProduct } from "./create-product";
import { getAdminProduct } from "./get-admin-product";
import { listAdminProducts } from "./list-admin-products";
import { updateProduct } from "./update-product";

const t = useTestDatabase();
let validInputs: Record<string, () => unknown>;

beforeAll(async () => {
  const { categoryId } = await seedCatalogBasics(t.db);
  const { id } = await adminCaller(t.db).adminProducts.create(shirtInput(categoryId, "existing"));
  let n = 0;
  validInputs = {
    list: () => ({}),
    get: () => ({ id }),
    create: () => shirtInput(categoryId, `new-${++n}`),
    update: () => ({ ...shirtInput(categoryId, "existing"), id }),
    archive: () => ({ id }),
  };
});

const procedureNames = Object.keys(appRouter._def.procedures)
  .filter((path) => path.startsWith("adminProducts."))
  .map((path) => path.slice("adminProducts.".length));

type Callable = Record<string, (input: unknown) => Promise<unknown>>;
const call = (actor: (typeof actors)[keyof typeof actors], name: string) => {
  const procedures = createCaller({ db: t.db, actor }).adminProducts as unknown as Callable;
  const input = validInputs[name];
  if (!input) throw new Error(`give adminProducts.${name} a valid input in this test`);
  return procedures[name]!(input());
};

describe("adminProducts authorisation", () => {
  it("covers the whole router", () => {
    expect(procedureNames.sort()).toEqual(["archive", "create", "get", "list", "update"]);
  });

  it.each(procedureNames)("%s: anonymous -> UNAUTHORIZED, shopper -> FORBIDDEN, admin -> ok", async (name) => {
    expect((await clientError(call(actors.anonymous, name))).code).toBe("UNAUTHORIZED");
    expect((await clientError(call(actors.shopper, name))).code).toBe("FORBIDDEN");
    await expect(call(actors.admin, name)).resolves.toBeDefined();
  });

  it("each verb checks the actor itself, whoever calls it", async () => {
    const ctx: ServiceContext = { db: t.db, actor: actors.shopper };
    const input = { ...shirtInput(1, "direct"), id: 1 };
    const verbs = [
      () => listAdminProducts(ctx, { page: 1, pageSize: 25 }),
      () => getAdminProduct(ctx, { id: 1 }),
      () => createProduct(ctx, input),
      () => updateProduct(ctx, input),
      () => archiveProduct(ctx, { id: 1 }),
    ];
    for (const verb of verbs) await expect(verb()).rejects.toMatchObject({ kind: "Forbidden" });
  });
});
