import type { ServiceContext } from "../context";
import type { CatalogFilterInput, ListProductsQuery, ProductFacets, ProductPage } from "../catalog/schemas";

/**
 * What the storefront asks of search: a page of product cards and the facet counts for the same filters (text query,
 * category subtree, brands, option values, price range, in stock), sorted by relevance, newest or price either way.
 * Two adapters serve it: PostgreSQL (the default) and Meilisearch (MEILISEARCH_HOST).
 */
export interface SearchPort {
  readonly name: "postgres" | "meilisearch";
  listProducts(ctx: ServiceContext, input: ListProductsQuery): Promise<ProductPage>;
  facets(ctx: ServiceContext, input: CatalogFilterInput): Promise<ProductFacets>;
}
