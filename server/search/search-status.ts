import { sql } from "drizzle-orm";
import { requireAdmin, withTransaction, type ServiceContext } from "../context";
import { writeEvent } from "../events/write-event";
import type { IndexRunKind } from "./index-runs";
import { configuredProductIndex } from "./meilisearch/product-index";
import { searchEngine } from "./search-engine";

export interface SearchStatus {
  /** Meilisearch when MEILISEARCH_HOST is set; PostgreSQL reads the catalogue itself and has no index to keep. */
  configured: "meilisearch" | "postgres";
  /** The adapter answering now: PostgreSQL also stands in while the Meilisearch index is being prepared. */
  answering: "postgres" | "meilisearch";
  /** Product changes announced but not yet handed to the sync, and when the oldest was written (the index's lag). */
  pendingChanges: number;
  oldestPendingAt: Date | null;
  runs: { kind: IndexRunKind; finishedAt: Date; report: Record<string, number> }[];
}

export async function getSearchStatus(ctx: ServiceContext): Promise<SearchStatus> {
  requireAdmin(ctx);
  // Times as epoch milliseconds: raw statements hand timestamps back as text.
  const [pending] = await ctx.db.execute<{ count: number; oldestMs: number | null }>(sql`
    select count(*)::int as count, (extract(epoch from min(created_at)) * 1000)::float8 as "oldestMs" from outbox
     where delivered_at is null and name = 'shop/product.changed'`);
  const runs = await ctx.db.execute<{ kind: IndexRunKind; finishedMs: number; report: Record<string, number> }>(sql`
    select kind, (extract(epoch from finished_at) * 1000)::float8 as "finishedMs", report from search_index_runs order by kind`);
  return {
    configured: configuredProductIndex() ? "meilisearch" : "postgres",
    answering: searchEngine().name,
    pendingChanges: pending?.count ?? 0,
    oldestPendingAt: pending?.oldestMs ? new Date(pending.oldestMs) : null,
    runs: runs.map(({ finishedMs, ...run }) => ({ ...run, finishedAt: new Date(finishedMs) })),
  };
}

/** Asks for a full rebuild of the search index (reindex-search builds a new index and swaps it in). */
export async function requestReindex(ctx: ServiceContext): Promise<{ requested: true }> {
  const userId = requireAdmin(ctx);
  await withTransaction(ctx, (tx) => writeEvent(tx, { name: "shop/search.reindex-requested", data: { requestedBy: userId } }));
  return { requested: true };
}
