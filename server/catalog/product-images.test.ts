import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imageResponse } from "@/app/api/images/[...key]/image-response";
import { uploadResponse } from "@/app/api/admin/products/[productId]/images/upload-response";
import { outboxEvents } from "@/server/events/test-outbox";
import { useTestDatabase } from "@/test/db";
import type { Actor, ServiceContext } from "../context";
import { createDiskFileStorage } from "../storage/disk-file-storage";
import type { FileStorage } from "../storage/file-storage";
import { actors, clientError, seedCatalogBasics, shirtInput } from "./admin-test-fixtures";
import { createCaller } from "../trpc/root";
import { getProductBySlug } from "./get-product-by-slug";
import { removeProductImage } from "./remove-product-image";
import { MAX_IMAGE_BYTES } from "./upload-product-image";

const t = useTestDatabase();
let root: string;
let storage: FileStorage;
let productId: number;
let otherProductId: number;

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const ctx = (actor: Actor = actors.admin): ServiceContext => ({ db: t.db, actor, storage });
const api = () => createCaller({ db: t.db, actor: actors.admin }).adminProducts;

function post(id: number | string, body: Uint8Array | ReadableStream, headers: Record<string, string> = {}, query = "") {
  return new Request(`http://shop.test/api/admin/products/${id}/images${query}`, { method: "POST", body: body as BodyInit, headers, duplex: "half" } as RequestInit);
}
async function upload(bytes: Uint8Array, alt = "", id = productId) {
  const answer = await uploadResponse(ctx(), post(id, bytes, { "content-type": "image/png" }, `?alt=${encodeURIComponent(alt)}`), { productId: String(id) });
  expect(answer.status).toBe(201);
  return (await answer.json()) as { id: number; url: string; alt: string; position: number };
}
const keyOf = (url: string) => url.replace(/^\/api\/images\//, "").split("/");

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "emporium-images-"));
  storage = createDiskFileStorage(root);
  const { categoryId } = await seedCatalogBasics(t.db);
  await t.db.execute(sql`insert into users (id, email, role) values ('admin-1', 'admin-1@emporium.test', 'admin') on conflict do nothing`);
  const admin = createCaller({ db: t.db, actor: actors.admin }).adminProducts;
  productId = (await admin.create({ ...shirtInput(categoryId, "pictured-shirt"), images: [] })).id;
  otherProductId = (await admin.create(shirtInput(categoryId, "other-shirt"))).id;
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("product image upload (POST /api/admin/products/<id>/images)", () => {
  it("stores the bytes through the file storage, adds the image last, announces the product; the storefront route serves it with cache headers", async () => {
    await t.db.execute(sql`delete from outbox`);
    const first = await upload(PNG, "Front");
    const second = await upload(JPEG, "Back");
    expect(first).toMatchObject({ alt: "Front", position: 0, url: expect.stringMatching(new RegExp(`^/api/images/products/${productId}/[0-9a-f-]{36}\\.png$`)) });
    expect(second).toMatchObject({ alt: "Back", position: 1, url: expect.stringMatching(/\.jpg$/) });
    expect((await outboxEvents(t.db)).map((e) => e.data.productId)).toEqual([productId, productId]);
    const audit = await t.db.execute<{ action: string; target_id: string; actor_id: string }>(sql`select action, target_id, actor_id from audit_log where action = 'adminProducts.uploadImage' order by id`);
    expect(audit.map((r) => [r.action, r.target_id, r.actor_id])).toEqual([["adminProducts.uploadImage", String(productId), "admin-1"], ["adminProducts.uploadImage", String(productId), "admin-1"]]);

    const served = await imageResponse(storage, keyOf(first.url));
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);
  });

  it("401 for a guest and 403 for a shopper before anything is stored; 404 for an unknown product, and its file is not kept", async () => {
    const before = await readdir(root, { recursive: true });
    for (const [actor, status] of [[actors.anonymous, 401], [actors.shopper, 403]] as const) {
      expect((await uploadResponse(ctx(actor), post(productId, PNG), { productId: String(productId) })).status).toBe(status);
    }
    expect((await uploadResponse(ctx(), post(99_999, PNG), { productId: "99999" })).status).toBe(404);
    expect((await uploadResponse(ctx(), post("x", PNG), { productId: "1e3" })).status).toBe(404);
    expect((await readdir(root, { recursive: true })).filter((f) => f.endsWith(".png") || f.endsWith(".jpg"))).toEqual(before.filter((f) => f.endsWith(".png") || f.endsWith(".jpg")));
  });

  it("413 past the cap (declared or streamed), 415 for bytes that are no accepted image whatever the content type says", async () => {
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set(PNG);
    expect((await uploadResponse(ctx(), post(productId, big), { productId: String(productId) })).status).toBe(413);
    const streamed = new ReadableStream({
      start(controller) {
        controller.enqueue(PNG);
        for (let i = 0; i < 6; i++) controller.enqueue(new Uint8Array(1024 * 1024));
        controller.close();
      },
    });
    expect((await uploadResponse(ctx(), post(productId, streamed), { productId: String(productId) })).status).toBe(413);
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    for (const body of [svg, new TextEncoder().encode("hello"), new Uint8Array()]) {
      expect((await uploadResponse(ctx(), post(productId, body, { "content-type": "image/png" }), { productId: String(productId) })).status).toBe(415);
    }
    const { images } = await api().get({ id: productId });
    expect(images.map((i) => i.alt)).toEqual(["Front", "Back"]);
  });

  it("the image route answers 404 for keys outside uploaded images or missing files", async () => {
    for (const key of [["..", "..", "etc", "passwd"], ["shipments", "a", "label.pdf"], ["products", "1", "nothing.png"], ["products", String(productId), "00000000-0000-4000-8000-000000000000.png"]]) {
      expect((await imageResponse(storage, key)).status).toBe(404);
    }
  });
});

describe("managing images", () => {
  it("reorders and sets alt text; a list that is not exactly the product's images is refused", async () => {
    const { images } = await api().get({ id: productId });
    await api().reorderImages({ productId, ids: images.map((i) => i.id).reverse() });
    await api().setImageAlt({ id: images[0]!.id, alt: "  Front, on a hanger " });
    expect((await api().get({ id: productId })).images.map((i) => [i.alt, i.uploaded])).toEqual([["Back", true], ["Front, on a hanger", true]]);
    expect(await clientError(api().reorderImages({ productId, ids: [images[0]!.id] }))).toMatchObject({ code: "BAD_REQUEST" });
    const other = (await api().get({ id: otherProductId })).images[0]!;
    expect(await clientError(api().reorderImages({ productId, ids: [images[0]!.id, other.id] }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await clientError(api().setImageAlt({ id: 99_999, alt: "x" }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("a variant gets its own image, which the product page exposes; another product's image is refused", async () => {
    const product = await api().get({ id: productId });
    const [medium, large] = product.variants;
    const back = product.images.find((i) => i.alt === "Back")!;
    await api().setVariantImage({ variantId: large!.id, imageId: back.id });
    const other = (await api().get({ id: otherProductId })).images[0]!;
    expect(await clientError(api().setVariantImage({ variantId: medium!.id, imageId: other.id }))).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { imageId: expect.any(String) } });
    expect(await clientError(api().setVariantImage({ variantId: 99_999, imageId: null }))).toMatchObject({ code: "NOT_FOUND" });

    const page = await getProductBySlug(ctx(actors.anonymous), { slug: "pictured-shirt" });
    expect(page.variants.map((v) => [v.sku, v.imageUrl, v.imageAlt])).toEqual([[medium!.sku, null, null], [large!.sku, back.url, "Back"]]);
    expect((await api().get({ id: productId })).variants.map((v) => v.imageId)).toEqual([null, back.id]);
  });

  it("removing an image deletes its file, and a variant that showed it falls back to the product's images", async () => {
    const product = await api().get({ id: productId });
    const back = product.images.find((i) => i.alt === "Back")!;
    // The verb with the test's storage (the router's context takes the storage from the environment).
    await removeProductImage(ctx(), { id: back.id });
    expect((await imageResponse(storage, keyOf(back.url))).status).toBe(404);
    expect((await api().get({ id: productId })).variants.map((v) => v.imageId)).toEqual([null, null]);
    expect((await api().get({ id: productId })).images.map((i) => i.alt)).toEqual(["Front, on a hanger"]);
    expect(await clientError(api().removeImage({ id: back.id }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("saving the product form (no images in the input) leaves uploaded images alone", async () => {
    const product = await api().get({ id: productId });
    const { id, slug, description, brand, categoryId, status, requiresShipping, attributes, options } = product;
    const variants = product.variants.map((v) => ({ id: v.id, sku: v.sku, title: v.title, optionValues: v.optionValues, priceAmount: v.priceAmount, currency: v.currency, compareAtAmount: v.compareAtAmount, weightGrams: v.weightGrams }));
    await api().update({ id, slug, title: "Pictured shirt", description, brand, categoryId, status, requiresShipping, attributes, options, variants });
    expect((await api().get({ id })).images.map((i) => i.alt)).toEqual(["Front, on a hanger"]);
  });
});
