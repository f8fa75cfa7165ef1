import type { SQL } from "drizzle-orm";
import type { ServiceContext } from "../context";
import { getProductFacets } from "../catalog/get-product-facets";
import { listProducts, listProductsAlongside, listProductsOrElse, type Alongside } from "../catalog/list-products";
import { filterConditions } from "../catalog/product-filters";
import type { CatalogFilterInput, ListProductsQuery, ProductPage } from "../catalog/schemas";
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

/**
 * The page for `query`, corrected when its words find nothing, and `alongside` (when given) read in the page's first
 * statement: the suggestions' categories ride with their products in one round trip.
 */
export async function searchProducts<T>(ctx: ServiceContext, query: ListProductsQuery, alongside?: SQL<T>): Promise<{ page: ProductPage; value?: T }> {
  const extra = alongside ? { alongside } : {};
  // Set once `alongside` has been read (boxed: null is a value it may have)
  let carried: { value?: T } | undefined;
  // Words alone whose correction is remembered: the page, or the corrected one when it is empty, in one statement
  // that also reads the vocabulary's version; when the vocabulary has changed since, the usual way below answers.
  const remembered = query.q && wordsAlone(query) ? rememberedCorrection(ctx, query.q) : undefined;
  if (remembered?.corrected) {
    const { corrected, version } = remembered;
    const read: Alongside<{ version: number; alongside?: T }> = { version: vocabularyVersion, ...extra };
    const { page, fellBack, value } = await listProductsOrElse(ctx, query, { ...query, q: corrected }, read);
    carried = { value: value.alongside };
    if (stillCurrent(ctx, version, value.version)) return { page: fellBack ? { ...page, didYouMean: corrected } : page, value: value.alongside };
  }
  // The query as typed first: only an empty answer asks whether a correction is due, so a query that finds products
  // costs one statement.
  let page: ProductPage;
  if (alongside && !carried) {
    const found = await listProductsAlongside(ctx, query, { alongside });
    page = found.page;
    carried = { value: found.value.alongside };
  } else page = await listProducts(ctx, query);
  const corrected = page.items.length ? null : await correction(ctx, query.q, wordsAlone(query));
  if (corrected) page = { ...(await listProducts(ctx, { ...query, q: corrected })), didYouMean: corrected };
  return { page, value: carried?.value };
}

/** Full-text search with prefixes and trigram corrections, on the catalogue's own tables. */
export const postgresSearch: SearchPort = {
  name: "postgres",
  listProducts: async (ctx, query) => (await searchProducts(ctx, query)).page,
  async facets(ctx, query) {
    const facets = await getProductFacets(ctx, query);
    const corrected = facets.total ? null : await correction(ctx, query.q, wordsAlone(query));
    return corrected ? getProductFacets(ctx, { ...query, q: corrected }) : facets;
  },
};
