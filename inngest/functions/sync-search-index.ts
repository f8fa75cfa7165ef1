import { eventData } from "@/server/events/schemas";
import { configuredProductIndex, type ProductIndex } from "@/server/search/meilisearch/product-index";
import { syncProducts } from "@/server/search/meilisearch/sync-products";
import type { FunctionDefinition } from "../step";
import type { FunctionDeps } from "./order-state";

/** The index the search functions write to: the app's (MEILISEARCH_HOST), or a test's; null when search runs on PostgreSQL. */
export type SearchDeps = FunctionDeps & { productIndex?: () => ProductIndex | null };
export const searchIndexOf = (deps: SearchDeps) => (deps.productIndex ?? configuredProductIndex)();

/**
 * Keeps the Meilisearch index in step with the catalogue: each batch of shop/product.changed rewrites the documents
 * of the products it names, whole, from the database as it is now (or deletes them), so a redelivered or late event
 * changes nothing. PostgreSQL search reads the tables themselves and needs nothing.
 */
export const syncSearchIndex = (deps: SearchDeps): FunctionDefinition => ({
  id: "sync-search-index",
  trigger: { event: "shop/product.changed" },
  batch: { maxSize: 100, timeout: "2s" },
  handler: ({ event, events, step }) => {
    const target = searchIndexOf(deps);
    if (!target) return Promise.resolve({ skipped: "search runs on PostgreSQL" });
    const productIds = (events ?? [event]).map((e) => eventData("shop/product.changed", e).productId);
    return step.run("sync-products", () => syncProducts(deps.context("sync-search-index"), target, productIds));
  },
});
