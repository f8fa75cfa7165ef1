import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { productImages, variants } from "@/db/schema";
import { callWithValidInput, procedureNamesOf } from "@/test/admin-procedures";
import { useTestDatabase } from "@/test/db";
import type { ServiceContext } from "../context";
import { createCaller } from "../trpc/root";
import { actors, adminCaller, clientError, seedCatalogBasics, shirtInput } from "./admin-test-fixtures";
import { archiveProduct } from "./archive-product";
import { createProduct } from "./create-product";
import { getAdminProduct } from "./get-admin-product";
import { listAdminProducts } from "./list-admin-products";
import { removeProductImage } from "./remove-product-image";
import { reorderProductImages } from "./reorder-product-images";
import { setImageAlt } from "./set-image-alt";
import { setProductsStatus } from "./set-products-status";
import { setVariantImage } from "./set-variant-image";
import { uploadProductImage } from "./upload-product-image";
import { updateProduct } from "./update-product";

const t = useTestDatabase();
let validInputs: Record<string, () => unknown>;
let freshImage: () => Promise<number>;

beforeAll(async () => {
  const { categoryId } = await seedCatalogBasics(t.db);
  await t.db.execute(sql`insert into users (id, email, role) values ('admin-1', 'admin-1@emporium.test', 'admin') on conflict do nothing`);
  const { id } = await adminCaller(t.db).adminProducts.create(shirtInput(categoryId, "existing"));
  freshImage = async () => (await t.db.insert(productImages).values({ productId: id, url: "https://images.test/x.jpg" }).returning({ id: productImages.id }))[0]!.id;
  let n = 0;
  validInputs = {
    list: () => ({}),
    get: () => ({ id }),
    create: () => shirtInput(categoryId, `new-${++n}`),
    update: () => ({ ...shirtInput(categoryId, "existing"), id }),
    archive: () => ({ id }),
    setStatus: () => ({ ids: [id], status: "active" }),
    setImageAlt: async () => ({ id: await freshImage(), alt: "Front" }),
    reorderImages: async () => ({ productId: id, ids: (await t.db.select({ id: productImages.id }).from(productImages).where(eq(productImages.productId, id))).map((r) => r.id) }),
    removeImage: async () => ({ id: await freshImage() }),
    setVariantImage: async () => ({ variantId: (await t.db.select({ id: variants.id }).from(variants).where(eq(variants.productId, id)))[0]!.id, imageId: await freshImage() }),
  };
});

const procedureNames = procedureNamesOf("adminProducts");
const call = (actor: (typeof actors)[keyof typeof actors], name: string) => callWithValidInput(createCaller({ db: t.db, actor }), "adminProducts", name, validInputs);

describe("adminProducts authorisation", () => {
  it("covers the whole router", () => {
    expect(procedureNames.sort()).toEqual(["archive", "create", "get", "list", "removeImage", "reorderImages", "setImageAlt", "setStatus", "setVariantImage", "update"]);
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
      () => listAdminProducts(ctx, { sort: "updated_desc", pageSize: 25 }),
      () => getAdminProduct(ctx, { id: 1 }),
      () => createProduct(ctx, input),
      () => updateProduct(ctx, input),
      () => archiveProduct(ctx, { id: 1 }),
      () => setProductsStatus(ctx, { ids: [1], status: "archived" }),
      () => setImageAlt(ctx, { id: 1, alt: "x" }),
      () => reorderProductImages(ctx, { productId: 1, ids: [1] }),
      () => removeProductImage(ctx, { id: 1 }),
      () => setVariantImage(ctx, { variantId: 1, imageId: null }),
      () => uploadProductImage(ctx, { productId: 1, bytes: new Uint8Array([0xff, 0xd8, 0xff]) }),
    ];
    for (const verb of verbs) await expect(verb()).rejects.toMatchObject({ kind: "Forbidden" });
  });
});
