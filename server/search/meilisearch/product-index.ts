import { Meilisearch, type Index } from "meilisearch";
import { meilisearchConfig } from "../../env";
import type { ProductDocument } from "./product-documents";

/** The live index's name; a full reindex builds products_<n> and swaps it in under this name. */
export const PRODUCTS_INDEX = "products";

/** A Meilisearch server and the live product index on it. */
export interface ProductIndex {
  client: Meilisearch;
  index: Index<ProductDocument>;
}

export function productIndex(config: { host: string; apiKey?: string }): ProductIndex {
  const client = new Meilisearch({ host: config.host, apiKey: config.apiKey });
  return { client, index: client.index<ProductDocument>(PRODUCTS_INDEX) };
}

let cached: { host: string; target: ProductIndex } | undefined;

/** The index named by MEILISEARCH_HOST (one client per host), or null when search runs on PostgreSQL. */
export function configuredProductIndex(): ProductIndex | null {
  const config = meilisearchConfig();
  if (!config) return null;
  if (cached?.host !== config.host) cached = { host: config.host, target: productIndex(config) };
  return cached.target;
}
