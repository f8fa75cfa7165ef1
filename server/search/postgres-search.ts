import type { ServiceContext } from "../context";
import { getProductFacets } from "../catalog/get-product-facets";
import { listProducts, listProductsOrElse } from "../catalog/list-products";
import { filterConditions } from "../catalog/product-filters";
import type { CatalogFilterInput } from "../catalog/schemas";
import { anyProductMatches, correctQuery, rememberedCorrection } from "./correct-query";
import type { SearchPort } from "./search-port";
import { stillCurrent, vocabularyVersion } from "./word-corrections";

/**
 * The correction of `q` when its words match no product at all (whatever the other filters) and one exists. `alone`:
 * the empty answer came from the words alone on a first page, which already says that nothing matches them.
 */
async function correction(ctx: ServiceContext, q: string | undefined, alone: boolean): Promise<string | null> {
  if (!q || (!alone && (await anyProductMatches(ctx, q)))) return null;
  return correctQuery(ctx, q);
}

/** Whether the input asks for its words alone: no other filter, and the first page. */
function wordsAlone({ categorySlug, ...rest }: CatalogFilterInput & { cursor?: string; page?: number }): boolean {
  return !categorySlug && !filterConditions({ ...rest, q: undefined }).length && !rest.cursor && (rest.page ?? 1) === 1;
}

/** Full-text search with prefixes and trigram corrections, on the catalogue's own tables. */
export const postgresSearch: SearchPort = {
  name: "postgres",
  // The query as typed first: only an empty answer asks whether a correction is due, so a query that finds products
  // costs one statement.
  async listProducts(ctx, query) {
    // Words alone whose correction is remembered: the page, or the corrected one when it is empty, in one statement
    // that also reads the vocabulary's version; when the vocabulary has changed since, the usual way below answers.
    const remembered = query.q && wordsAlone(query) ? rememberedCorrection(ctx, query.q) : undefined;
    if (remembered?.corrected) {
      const { corrected, version } = remembered;
      const { page, fellBack, value } = await listProductsOrElse(ctx, query, { ...query, q: corrected }, vocabularyVersion);
      if (stillCurrent(ctx, version, value)) return fellBack ? { ...page, didYouMean: corrected } : page;
    }
    const page = await listProducts(ctx, query);
    const corrected = page.items.length ? null : await correction(ctx, query.q, wordsAlone(query));
    return corrected ? { ...(await listProducts(ctx, { ...query, q: corrected })), didYouMean: corrected } : page;
  },
  async facets(ctx, query) {
    const facets = await getProductFacets(ctx, query);
    const corrected = facets.total ? null : await correction(ctx, query.q, wordsAlone(query));
    return corrected ? getProductFacets(ctx, { ...query, q: corrected }) : facets;
  },
};
