import type { ServiceContext } from "../../context";
import { recordIndexRun } from "../index-runs";
import { documentHash, loadDocumentPage, type ProductDocument } from "./product-documents";
import type { ProductIndex } from "./product-index";
import { syncProducts } from "./sync-products";

export interface DriftReport extends Record<string, number | number[]> {
  /** Visible products in the database and documents in the index, before any repair. */
  expected: number;
  indexed: number;
  /** Products the shop shows that the index lacks; documents of products it no longer shows; documents that differ. */
  missing: number[];
  extra: number[];
  changed: number[];
  repaired: number;
}

async function indexHashes(target: ProductIndex, pageSize: number): Promise<Map<number, string>> {
  const hashes = new Map<number, string>();
  for (let offset = 0; ; offset += pageSize) {
    const { results } = await target.index.getDocuments<ProductDocument>({ offset, limit: pageSize });
    for (const doc of results) hashes.set(Number(doc.id), documentHash(doc));
    if (results.length < pageSize) return hashes;
  }
}

/**
 * Compares the index with the database, document by document (a hash of every field), and re-syncs every product
 * that is missing, extra or different: what a lost event, a partial write or a hand edit of the index left behind.
 */
export async function checkIndexDrift(ctx: ServiceContext, target: ProductIndex, options: { pageSize?: number } = {}): Promise<DriftReport> {
  const pageSize = options.pageSize ?? 1000;
  const indexed = await indexHashes(target, pageSize);
  const missing: number[] = [];
  const changed: number[] = [];
  const seen = new Set<number>();
  for (let after = 0; ; ) {
    const page = await loadDocumentPage(ctx, after, pageSize);
    if (!page.length) break;
    for (const doc of page) {
      seen.add(doc.id);
      const hash = indexed.get(doc.id);
      if (hash === undefined) missing.push(doc.id);
      else if (hash !== documentHash(doc)) changed.push(doc.id);
    }
    after = page.at(-1)!.id;
  }
  const extra = [...indexed.keys()].filter((id) => !seen.has(id)).sort((a, b) => a - b);
  const stale = [...missing, ...changed, ...extra];
  for (let i = 0; i < stale.length; i += pageSize) await syncProducts(ctx, target, stale.slice(i, i + pageSize));
  const report = { expected: seen.size, indexed: indexed.size, missing, extra, changed, repaired: stale.length };
  await recordIndexRun(ctx, "drift-check", { ...report, missing: missing.length, extra: extra.length, changed: changed.length });
  return report;
}
