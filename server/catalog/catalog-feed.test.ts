import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/db/client";
import { useTestDatabase } from "@/test/db";
import { systemContext } from "../context";
import { insertPendingOrder } from "../checkout/checkout-test-fixtures";
import { reserveStock } from "../inventory/reserve-stock";
import { adminCaller, formOf, seedCatalogBasics, shirtInput } from "./admin-test-fixtures";
import { watchCatalog, type CatalogChange } from "./catalog-feed";

const t = useTestDatabase();
// Two app instances: each its own pool on the same database, each watching.
let instances: Db[] = [];
let seen: CatalogChange[][] = [];
let stops: (() => Promise<void>)[] = [];
let basics: Awaited<ReturnType<typeof seedCatalogBasics>>;

beforeAll(async () => {
  basics = await seedCatalogBasics(t.db);
  instances = [createDb(t.url, { max: 2 }), createDb(t.url, { max: 2 })];
  seen = instances.map(() => []);
  stops = await Promise.all(instances.map((db, i) => watchCatalog(db, async (change) => void seen[i]!.push(change))));
});
afterAll(async () => {
  await Promise.all(stops.map((stop) => stop()));
  await Promise.all(instances.map((db) => db.$client.end()));
});

/** Runs `change`, then waits until every instance has heard `expected` (among whatever else arrives meanwhile). */
async function expectHeard(change: () => Promise<unknown>, expected: CatalogChange) {
  for (const list of seen) list.length = 0;
  await change();
  for (const list of seen) await expect.poll(() => list, { timeout: 5000 }).toContainEqual(expected);
}

/** The pages of a product in "shirts" (under "clothing"): its own and both listings. */
const pagesOf = (slug: string): CatalogChange => ({ all: false, productSlugs: [slug], categorySlugs: ["shirts", "clothing"] });

describe("the catalogue feed (what expires cached product and category pages)", () => {
  it("tells every instance about a price change, with the product and its category with its ancestors", async () => {
    const api = adminCaller(t.db);
    const { id, slug } = await api.adminProducts.create(shirtInput(basics.categoryId, "priced"));
    const form = formOf(await api.adminProducts.get({ id }));
    await expectHeard(() => api.adminProducts.update({ ...form, variants: form.variants.map((v) => ({ ...v, priceAmount: v.priceAmount + 100 })) }), pagesOf(slug));
  });

  it("tells them about an archive", async () => {
    const api = adminCaller(t.db);
    const { id, slug } = await api.adminProducts.create(shirtInput(basics.categoryId, "archived"));
    await expectHeard(() => api.adminProducts.archive({ id }), pagesOf(slug));
  });

  it("tells them about a stock move and a reservation at checkout", async () => {
    const api = adminCaller(t.db);
    const { id, slug } = await api.adminProducts.create(shirtInput(basics.categoryId, "stocked"));
    const variantId = (await api.adminProducts.get({ id })).variants[0]!.id;
    const warehouseId = basics.warehouseIds[0]!;

    await expectHeard(() => api.inventory.adjust({ variantId, warehouseId, delta: 5, reason: "received" }), pagesOf(slug));

    const orderId = await insertPendingOrder(t.db);
    const lines = [{ variantId, quantity: 1 }];
    await expectHeard(() => reserveStock(systemContext(t.db, "test"), { orderId, expiresAt: new Date(Date.now() + 60_000), lines }), pagesOf(slug));
  });

  it("expires every page when a category changes or a product moves to another slug", async () => {
    const api = adminCaller(t.db);
    await expectHeard(() => t.db.execute(sql`update categories set name = 'Shirts and tops' where id = ${basics.categoryId}`), { all: true });

    const { id } = await api.adminProducts.create(shirtInput(basics.categoryId, "old-slug"));
    const form = formOf(await api.adminProducts.get({ id }));
    await expectHeard(() => api.adminProducts.update({ ...form, slug: "new-slug" }), { all: true });
  });

  it("says nothing about a change rolled back", async () => {
    const api = adminCaller(t.db);
    const kept = await api.adminProducts.create(shirtInput(basics.categoryId, "kept"));
    const undone = await api.adminProducts.create(shirtInput(basics.categoryId, "undone"));
    // Creating them is news too: heard before the test starts.
    for (const list of seen) await expect.poll(() => list.flatMap((c) => (c.all ? [] : c.productSlugs)), { timeout: 5000 }).toContain("undone");
    const priceOf = (id: number) => sql`update variants set price_amount = price_amount + 1 where product_id = ${id}`;
    await expectHeard(async () => {
      await t.db.transaction(async (tx) => {
        await tx.execute(priceOf(undone.id));
        throw new Error("roll back");
      }).catch(() => undefined);
      // A marker change after it: once the marker arrives, a notification of the rolled back one would have too.
      await t.db.execute(priceOf(kept.id));
    }, pagesOf("kept"));
    for (const list of seen) expect(list.flatMap((c) => (c.all ? ["*"] : c.productSlugs))).not.toContain("undone");
  });

  it("expires every page as it starts listening, since changes committed before were never heard", async () => {
    const late = createDb(t.url, { max: 1 });
    const heard: CatalogChange[] = [];
    const stop = await watchCatalog(late, async (change) => void heard.push(change));
    try {
      await expect.poll(() => heard, { timeout: 5000 }).toEqual([{ all: true }]);
    } finally {
      await stop();
      await late.$client.end();
    }
  });

  it("expires every page after its connection comes back, since notifications sent meanwhile are lost", async () => {
    const dropListeners = sql`select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'listen %' and datname = current_database()`;
    await expectHeard(() => t.db.execute(dropListeners), { all: true });
  });
});
