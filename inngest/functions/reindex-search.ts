import { checkIndexDrift } from "@/server/search/meilisearch/check-index-drift";
import { reindexProducts } from "@/server/search/meilisearch/reindex-products";
import type { FunctionDefinition } from "../step";
import { searchIndexOf, type SearchDeps } from "./sync-search-index";

/**
 * Rebuilds the Meilisearch index from the database into a new index and swaps it in, then runs the drift check so
 * changes synced into the old index during the rebuild are not lost.
 */
export const reindexSearch = (deps: SearchDeps): FunctionDefinition => ({
  id: "reindex-search",
  trigger: { event: "shop/search.reindex-requested" },
  handler: async ({ step }) => {
    const target = searchIndexOf(deps);
    if (!target) return { skipped: "search runs on PostgreSQL" };
    const ctx = deps.context("reindex-search");
    const rebuilt = await step.run("reindex", () => reindexProducts(ctx, target));
    const drift = await step.run("check-drift", () => checkIndexDrift(ctx, target));
    return { rebuilt, drift };
  },
});
