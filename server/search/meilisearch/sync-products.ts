import { sql } from "drizzle-orm";
import type { EnqueuedTaskPromise } from "meilisearch";
import { withTransaction, type ServiceContext } from "../../context";
import { recordIndexRun } from "../index-runs";
import { loadProductDocuments } from "./product-documents";
import type { ProductIndex } from "./product-index";

/** Waits for a Meilisearch task and throws when it did not succeed (waitTask itself resolves with failed tasks too). */
export async function taskDone(task: EnqueuedTaskPromise, timeoutMs = 120_000): Promise<void> {
  const done = await task.waitTask({ timeout: timeoutMs });
  if (done.status !== "succeeded") throw new Error(`Meilisearch task ${done.uid} (${done.type}) ${done.status}: ${done.error?.message ?? "no error given"}`);
}

/**
 * Writes these products' documents whole, read from the database now, and deletes those the shop no longer shows, so
 * the outcome depends only on the database's state: a redelivered or reordered event changes nothing. Each product's
 * read and enqueue happen under its advisory lock, and Meilisearch applies tasks in the order they were enqueued, so
 * a slower sync can never overwrite a newer document with an older one.
 */
export async function syncProducts(ctx: ServiceContext, target: ProductIndex, productIds: number[]): Promise<{ upserted: number; deleted: number }> {
  const ids = [...new Set(productIds)].sort((a, b) => a - b);
  if (!ids.length) return { upserted: 0, deleted: 0 };
  const { tasks, upserted, deleted } = await withTransaction(ctx, async (tx) => {
    await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext('search-sync'), id) from unnest(${`{${ids.join(",")}}`}::int[]) as id order by id`);
    const docs = await loadProductDocuments(tx, ids);
    const shown = new Set(docs.map((d) => d.id));
    const gone = ids.filter((id) => !shown.has(id));
    const enqueued: EnqueuedTaskPromise[] = [];
    // Awaiting the enqueue (not the task) inside the lock fixes the order Meilisearch will apply them in.
    if (docs.length) enqueued.push(target.index.addDocuments(docs, { primaryKey: "id" }));
    if (gone.length) enqueued.push(target.index.deleteDocuments(gone));
    await Promise.all(enqueued);
    return { tasks: enqueued, upserted: docs.length, deleted: gone.length };
  });
  for (const task of tasks) await taskDone(task);
  await recordIndexRun(ctx, "sync", { upserted, deleted });
  return { upserted, deleted };
}
