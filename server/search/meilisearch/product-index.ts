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

/** `uid` other than the live name only for tests sharing one server. */
export function productIndex(config: { host: string; apiKey?: string }, uid = PRODUCTS_INDEX): ProductIndex {
  const client = new Meilisearch({ host: config.host, apiKey: config.apiKey });
  return { client, index: client.index<ProductDocument>(uid) };
}

let cached: { host: string; target: ProductIndex } | undefined;

/** The index named by MEILISEARCH_HOST (one client per host), or null when search runs on PostgreSQL. */
export function configuredProductIndex(): ProductIndex | null {
  const config = meilisearchConfig();
  if (!config) return null;
  if (cached?.host !== config.host) cached = { host: config.host, target: productIndex(config) };
  return cached.target;
}
