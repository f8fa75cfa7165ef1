import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/db/client";
import { useTestDatabase } from "@/test/db";
import { insertOrder, insertVariant } from "../orders/test-fixtures";
import { subscribeAdminFeed, type AdminFeedTable } from "./admin-feed";

const t = useTestDatabase();
// Two app instances: each its own pool on the same database.
let instances: Db[] = [];
let variantId: number;

beforeAll(async () => {
  instances = [createDb(t.url, { max: 2 }), createDb(t.url, { max: 2 })];
  variantId = (await insertVariant(t.db)).variantId;
});
afterAll(async () => {
  await Promise.all(instances.map((db) => db.$client.end()));
});

/** Subscribes on `db` and collects what arrives. */
async function collect(db: Db) {
  const seen: AdminFeedTable[] = [];
  const unsubscribe = await subscribeAdminFeed(db, (table) => seen.push(table));
  return { seen, unsubscribe };
}

describe("the admin feed", () => {
  it("tells both instances about a new order and its payment, once committed", async () => {
    const [one, two] = await Promise.all(instances.map(collect));
    await insertOrder(t.db, { variantId, payment: "awaiting" });
    await expect.poll(() => one!.seen, { timeout: 5000 }).toEqual(expect.arrayContaining(["orders", "payments"]));
    await expect.poll(() => two!.seen, { timeout: 5000 }).toEqual(expect.arrayContaining(["orders", "payments"]));
    await Promise.all([one!.unsubscribe(), two!.unsubscribe()]);
  });

  it("says nothing about a change rolled back, or a statement that changed no row", async () => {
    const watcher = await collect(instances[0]!);
    await t.db
      .transaction(async (tx) => {
        await tx.execute(sql`update orders set updated_at = now()`);
        throw new Error("roll back");
      })
      .catch(() => undefined);
    await t.db.execute(sql`update refunds set updated_at = now() where false`);
    // A marker change after both: once it arrives, anything the two above sent would have arrived before it.
    await t.db.execute(sql`update payments set updated_at = now()`);
    await expect.poll(() => watcher.seen, { timeout: 5000 }).toEqual(["payments"]);
    await watcher.unsubscribe();
  });

  it("stops calling a listener that unsubscribed, and keeps calling the others", async () => {
    const [gone, staying] = [await collect(instances[1]!), await collect(instances[1]!)];
    await gone.unsubscribe();
    await t.db.execute(sql`update orders set updated_at = now()`);
    await expect.poll(() => staying.seen, { timeout: 5000 }).toEqual(["orders"]);
    expect(gone.seen).toEqual([]);
    await staying.unsubscribe();
  });
});
