import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { products } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { createCaller } from "../trpc/root";
import { actors, adminCaller, clientError, seedCatalogBasics, shirtInput } from "./admin-test-fixtures";

const t = useTestDatabase();
let categoryId: number;

beforeAll(async () => {
  ({ categoryId } = await seedCatalogBasics(t.db));
});

describe("adminProducts.archive", () => {
  it("archives the product once; archiving again answers the same and changes nothing", async () => {
    const api = adminCaller(t.db);
    const { id } = await api.adminProducts.create(shirtInput(categoryId, "to-archive"));

    expect(await api.adminProducts.archive({ id })).toEqual({ id, status: "archived" });
    const first = await api.adminProducts.get({ id });
    expect(first.status).toBe("archived");

    expect(await api.adminProducts.archive({ id })).toEqual({ id, status: "archived" });
    const second = await api.adminProducts.get({ id });
    expect(second.updatedAt).toEqual(first.updatedAt);
  });

  it("answers NOT_FOUND for an unknown product", async () => {
    expect((await clientError(adminCaller(t.db).adminProducts.archive({ id: 999_999 }))).code).toBe("NOT_FOUND");
  });

  it("takes the product off the public shop", async () => {
    const api = adminCaller(t.db);
    const shop = createCaller({ db: t.db, actor: actors.anonymous });
    const { id, slug } = await api.adminProducts.create(shirtInput(categoryId, "visible-then-gone"));
    expect((await shop.catalog.productBySlug({ slug })).id).toBe(id);

    await api.adminProducts.archive({ id });
    expect((await clientError(shop.catalog.productBySlug({ slug }))).code).toBe("NOT_FOUND");
    const [row] = await t.db.select({ status: products.status }).from(products).where(eq(products.id, id));
    expect(row?.status).toBe("archived");
  });
});
