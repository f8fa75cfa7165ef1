import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemContext, type ServiceContext } from "@/server/context";
import { outboxEvents } from "@/server/events/test-outbox";
import { reserveStock } from "@/server/inventory/reserve-stock";
import { useTestDatabase } from "@/test/db";
import { startFakeMeilisearch, type FakeMeilisearch } from "@/test/fake-meilisearch";
import { scriptedStep } from "@/inngest/functions/saga-test-kit";
import { syncSearchIndex } from "@/inngest/functions/sync-search-index";
import { insertPendingOrder } from "../../checkout/checkout-test-fixtures";
import { adminCaller, seedCatalogBasics, shirtInput } from "../../catalog/admin-test-fixtures";
import { ListProductsInput } from "../../catalog/schemas";
import { checkIndexDrift } from "./check-index-drift";
import { ensureIndexSettings, productIndexSettings } from "./index-settings";
import { meilisearchSearch } from "./meilisearch-search";
import { prepareSearchIndex } from "./prepare-search-index";
import { productIndex, type ProductIndex } from "./product-index";
import { reindexProducts } from "./reindex-products";
import { taskDone } from "./sync-products";

const t = useTestDatabase();
const ctx = (): ServiceContext => ({ db: t.db, actor: { type: "anonymous" } });
let fake: FakeMeilisearch;
let target: ProductIndex;
let basics: Awaited<ReturnType<typeof seedCatalogBasics>>;
const search = (input: ListProductsInput = {}) => meilisearchSearch(target).listProducts(ctx(), ListProductsInput.parse(input));
const deps = () => ({ context: (job: string) => systemContext(t.db, job), productIndex: () => target });

/** Runs the sync function once over every shop/product.changed event written so far: one batch. */
async function syncBatch() {
  const events = (await outboxEvents(t.db)).filter((e) => e.name === "shop/product.changed");
  const { step } = scriptedStep();
  await syncSearchIndex(deps()).handler({ event: events[0]!, events, step });
  return events;
}

beforeAll(async () => {
  basics = await seedCatalogBasics(t.db);
  fake = await startFakeMeilisearch({ apiKey: "fake-master-key", taskDelayMs: 2 });
  target = productIndex({ host: fake.url, apiKey: "fake-master-key" });
  for (const n of [1, 2, 3]) await adminCaller(t.db).adminProducts.create(shirtInput(basics.categoryId, `shirt-${n}`));
  await reindexProducts(ctx(), target);
});
afterAll(() => fake?.close());

describe("index settings", () => {
  it("are applied when the server's differ, and left alone when they match", async () => {
    expect(await ensureIndexSettings(target.index)).toBe(false);
    await taskDone(target.index.updateSettings({ stopWords: ["shirt"], pagination: { maxTotalHits: 5 } }));
    expect(await ensureIndexSettings(target.index)).toBe(true);
    expect(fake.settings("products")).toMatchObject({ stopWords: [...productIndexSettings.stopWords].sort(), pagination: { maxTotalHits: 10_000 } });
    expect(await ensureIndexSettings(target.index)).toBe(false);
  });
});

describe("never stale", () => {
  it("shows a price change after one sync batch, and a redelivered batch changes nothing", async () => {
    const { id } = (await search({ sort: "price_asc" })).items[0]!;
    const input = shirtInput(basics.categoryId, (await search()).items.find((i) => i.id === id)!.slug);
    input.variants = input.variants.map((v) => ({ ...v, sku: `${v.sku}-${id}`, priceAmount: v.priceAmount - 1000 }));
    await adminCaller(t.db).adminProducts.update({ id, ...input });
    expect((await search({ sort: "price_asc" })).items[0]).toMatchObject({ id, priceMin: 4500 });

    await syncBatch();
    expect((await search({ sort: "price_asc" })).items[0]).toMatchObject({ id, priceMin: 3500, priceMax: 3900 });
    const before = structuredClone([...fake.documents("products")]);
    await syncBatch();
    expect([...fake.documents("products")]).toEqual(before);
  });

  it("drops an archived product from search after the batch", async () => {
    const [victim] = (await search()).items;
    await adminCaller(t.db).adminProducts.archive({ id: victim!.id });
    await syncBatch();
    expect((await search()).items.map((i) => i.id)).not.toContain(victim!.id);
    expect(fake.documents("products").has(String(victim!.id))).toBe(false);
  });

  it("marks a product out of stock when a reservation takes its last unit", async () => {
    const created = await adminCaller(t.db).adminProducts.create({ ...shirtInput(basics.categoryId, "scarce-shirt"), variants: [{ ...shirtInput(basics.categoryId).variants[0]!, sku: "SCARCE-M" }], options: [{ name: "Size", values: ["M"] }] });
    const variant = (await adminCaller(t.db).adminProducts.get({ id: created.id })).variants[0]!;
    await t.db.execute(sql`update stock_levels set on_hand = 1 where variant_id = ${variant.id} and warehouse_id = ${basics.warehouseIds[0]!}`);
    await syncBatch();
    const inStock = async () => (await search({ q: "SCARCE-M" })).items.find((i) => i.id === created.id)?.inStock;
    expect(await inStock()).toBe(true);
    await reserveStock(systemContext(t.db, "test"), { orderId: await insertPendingOrder(t.db), lines: [{ variantId: variant.id!, quantity: 1 }], expiresAt: new Date(Date.now() + 60_000) });
    await syncBatch();
    expect(await inStock()).toBe(false);
  });
});

describe("reindex", () => {
  it("swaps a rebuilt index in while 8 clients search: no errors, no empty pages", async () => {
    let done = false;
    const outcomes = { searches: 0, errors: [] as unknown[], empty: 0 };
    const client = async () => {
      while (!done) {
        try {
          const page = await search();
          outcomes.searches += 1;
          if (!page.items.length) outcomes.empty += 1;
        } catch (error) {
          outcomes.errors.push(error);
        }
      }
    };
    const clients = Array.from({ length: 8 }, client);
    const rebuilt = await reindexProducts(ctx(), target, { pageSize: 1 });
    done = true;
    await Promise.all(clients);
    expect(outcomes.errors).toEqual([]);
    expect(outcomes.empty).toBe(0);
    expect(outcomes.searches).toBeGreaterThan(8);
    expect(rebuilt.documents).toBeGreaterThan(0);
    expect(fake.indexUids()).toEqual(["products"]);
    expect(fake.requests.some((r) => r.path === "/swap-indexes")).toBe(true);
  });
});

describe("drift", () => {
  it("finds deleted, corrupted and stray documents and repairs every one", async () => {
    expect(await checkIndexDrift(ctx(), target)).toMatchObject({ missing: [], changed: [], extra: [], repaired: 0 });
    const docs = fake.documents("products");
    const [first, second, third] = [...docs.keys()];
    docs.delete(first!);
    docs.set(second!, { ...docs.get(second!)!, priceMin: 1 });
    docs.set(third!, { ...docs.get(third!)!, title: "Tampered" });
    docs.set("999999", { id: 999999, title: "Ghost" });

    const report = await checkIndexDrift(ctx(), target);
    expect(report).toMatchObject({ missing: [Number(first)], changed: [Number(second), Number(third)].sort((a, b) => a - b), extra: [999999], repaired: 4 });
    expect(await checkIndexDrift(ctx(), target)).toMatchObject({ missing: [], changed: [], extra: [], repaired: 0 });
    expect((await search()).items.map((i) => i.title)).not.toContain("Tampered");
  });
});

describe("start-up", () => {
  it("builds a missing index from the database, and afterwards only checks its settings", async () => {
    const fresh = productIndex({ host: fake.url, apiKey: "fake-master-key" }, "products_start_up");
    expect(await prepareSearchIndex(ctx(), fresh)).toEqual({ reindexed: true, settingsApplied: true });
    expect(fake.documents("products_start_up").size).toBe(fake.documents("products").size);
    expect(await prepareSearchIndex(ctx(), fresh)).toEqual({ reindexed: false, settingsApplied: false });
  });
});
