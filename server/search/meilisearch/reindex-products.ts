import { MeilisearchApiError, type IndexSwap } from "meilisearch";
import type { ServiceContext } from "../../context";
import { recordIndexRun } from "../index-runs";
import { ensureIndexSettings } from "./index-settings";
import { loadDocumentPage } from "./product-documents";
import type { ProductIndex } from "./product-index";
import { taskDone } from "./sync-products";

export async function indexExists(target: ProductIndex, uid: string): Promise<boolean> {
  return target.client.getRawIndex(uid).then(
    () => true,
    (error: unknown) => {
      if (error instanceof MeilisearchApiError && error.cause?.code === "index_not_found") return false;
      throw error;
    },
  );
}

/**
 * Builds a fresh index <live>_<n> from the database (settings first, then documents in pages) and swaps it with the
 * live one in one atomic task, so searches see the old index or the new one and never a half-built one; the old
 * documents, now under <live>_<n>, are dropped. Changes synced into the old index while this ran may be missing from
 * the new one: the caller runs the drift check afterwards.
 */
export async function reindexProducts(ctx: ServiceContext, target: ProductIndex, options: { pageSize?: number } = {}): Promise<{ index: string; documents: number }> {
  const live = target.index.uid;
  const uid = `${live}_${Date.now()}`;
  await taskDone(target.client.createIndex(uid, { primaryKey: "id" }));
  const fresh = target.client.index(uid);
  await ensureIndexSettings(fresh);
  let documents = 0;
  for (let after = 0; ; ) {
    const page = await loadDocumentPage(ctx, after, options.pageSize ?? 1000);
    if (!page.length) break;
    await taskDone(fresh.addDocuments(page, { primaryKey: "id" }));
    documents += page.length;
    after = page.at(-1)!.id;
  }
  if (!(await indexExists(target, live))) await taskDone(target.client.createIndex(live, { primaryKey: "id" }));
  // Without `rename`: servers before v1.18 refuse the field, and a swap of two existing indexes needs none.
  await taskDone(target.client.swapIndexes([{ indexes: [live, uid] } as IndexSwap]));
  await taskDone(target.client.deleteIndex(uid));
  await recordIndexRun(ctx, "reindex", { documents });
  return { index: uid, documents };
}
