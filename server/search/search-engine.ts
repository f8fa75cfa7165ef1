import { meilisearchSearch } from "./meilisearch/meilisearch-search";
import { configuredProductIndex, type ProductIndex } from "./meilisearch/product-index";
import { postgresSearch } from "./postgres-search";
import type { SearchPort } from "./search-port";

let adapter: { target: ProductIndex; port: SearchPort } | undefined;

/** Meilisearch when MEILISEARCH_HOST is set, else PostgreSQL. */
export function searchEngine(): SearchPort {
  const target = configuredProductIndex();
  if (!target) return postgresSearch;
  if (adapter?.target !== target) adapter = { target, port: meilisearchSearch(target) };
  return adapter.port;
}
