import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/test/db";
import { startFakeMeilisearch, type FakeMeilisearch } from "@/test/fake-meilisearch";
import { actors, adminCaller, clientError, seedCatalogBasics, shirtInput } from "../catalog/admin-test-fixtures";
import type { Actor, ServiceContext } from "../context";
import { outboxEvents } from "../events/test-outbox";
import { appRouter, createCaller } from "../trpc/root";
import { checkIndexDrift } from "./meilisearch/check-index-drift";
import { productIndex, type ProductIndex } from "./meilisearch/product-index";
import { reindexProducts } from "./meilisearch/reindex-products";
import { taskDone } from "./meilisearch/sync-products";

// The app's own adapter is PostgreSQL here; the runs are made against a fake Meilisearch passed in directly.
vi.stubEnv("MEILISEARCH_HOST", "");

const t = useTestDatabase();
const ctx = (): ServiceContext => ({ db: t.db, actor: { type: "system", name: "test" } });
let fake: FakeMeilisearch;
let target: ProductIndex;
let categoryId: number;

beforeAll(async () => {
  ({ categoryId } = await seedCatalogBasics(t.db));
  fake = await startFakeMeilisearch({ apiKey: "fake-master-key", taskDelayMs: 2 });
  target = productIndex({ host: fake.url, apiKey: "fake-master-key" });
});
afterAll(() => fake?.close());

const validInputs: Record<string, () => unknown> = { status: () => undefined, reindex: () => undefined };
const procedureNames = Object.keys(appRouter._def.procedures)
  .filter((path) => path.startsWith("adminSearch."))
  .map((path) => path.slice("adminSearch.".length));

function call(actor: Actor, name: string) {
  const procedures = createCaller({ db: t.db, actor }).adminSearch as unknown as Record<string, (input: unknown) => Promise<unknown>>;
  return procedures[name]!(validInputs[name]!());
}

describe("adminSearch authorisation", () => {
  it("covers the whole router", () => {
    expect(procedureNames.sort()).toEqual(Object.keys(validInputs).sort());
  });

  it.each(procedureNames)("%s: anonymous -> UNAUTHORIZED, shopper -> FORBIDDEN, admin -> ok", async (name) => {
    expect((await clientError(call(actors.anonymous, name))).code).toBe("UNAUTHORIZED");
    expect((await clientError(call(actors.shopper, name))).code).toBe("FORBIDDEN");
    await expect(call(actors.admin, name)).resolves.toBeTruthy();
  });
});

describe("adminSearch.status", () => {
  it("shows the adapter, the changes waiting for the sync and the latest sync, drift check and reindex", async () => {
    const before = new Date(Date.now() - 1000);
    await adminCaller(t.db).adminProducts.create(shirtInput(categoryId, "status-shirt"));
    const waiting = await adminCaller(t.db).adminSearch.status();
    expect(waiting).toMatchObject({ configured: "postgres", answering: "postgres", runs: [] });
    expect(waiting.pendingChanges).toBeGreaterThan(0);
    expect(waiting.oldestPendingAt!.getTime()).toBeGreaterThan(before.getTime());

    await reindexProducts(ctx(), target);
    await taskDone(target.index.deleteDocuments([...fake.documents("products").keys()].slice(0, 1)));
    await checkIndexDrift(ctx(), target);
    const { runs } = await adminCaller(t.db).adminSearch.status();
    expect(runs.map((r) => [r.kind, r.report])).toEqual([
      ["drift-check", { expected: 1, indexed: 0, missing: 1, extra: 0, changed: 0, repaired: 1 }],
      ["reindex", { documents: 1 }],
      // The drift check's repair is a sync of the missing product.
      ["sync", { upserted: 1, deleted: 0 }],
    ]);
    for (const run of runs) expect(run.finishedAt.getTime()).toBeGreaterThan(before.getTime());
  });
});

describe("adminSearch.reindex", () => {
  it("asks for a rebuild, naming the admin", async () => {
    const requested = async () => (await outboxEvents(t.db)).filter((e) => e.name === "shop/search.reindex-requested");
    const before = (await requested()).length;
    await adminCaller(t.db).adminSearch.reindex();
    const after = await requested();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toEqual({ name: "shop/search.reindex-requested", data: { requestedBy: actors.admin.userId } });
  });
});
