import type { ServiceContext } from "../context";
import { getProductFacets } from "../catalog/get-product-facets";
import { listProducts } from "../catalog/list-products";
import type { CatalogFilterInput } from "../catalog/schemas";
import { anyProductMatches, correctQuery } from "./correct-query";
import type { SearchPort } from "./search-port";

/** The query to run: the one typed, or its correction when the typed words match nothing and a correction exists. */
async function effectiveQuery(ctx: ServiceContext, q: string | undefined): Promise<{ q?: string; didYouMean?: string }> {
  if (!q || (await anyProductMatches(ctx, q))) return { q };
  const corrected = await correctQuery(ctx, q);
  return corrected ? { q: corrected, didYouMean: corrected } : { q };
}

async function withCorrection<T extends CatalogFilterInput>(ctx: ServiceContext, input: T) {
  const { q, didYouMean } = await effectiveQuery(ctx, input.q);
  return { input: { ...input, q }, didYouMean };
}

/** Full-text search with prefixes and trigram corrections, on the catalogue's own tables. */
export const postgresSearch: SearchPort = {
  name: "postgres",
  async listProducts(ctx, query) {
    const { input, didYouMean } = await withCorrection(ctx, query);
    const page = await listProducts(ctx, input);
    return didYouMean ? { ...page, didYouMean } : page;
  },
  async facets(ctx, query) {
    return getProductFacets(ctx, (await withCorrection(ctx, query)).input);
  },
};
