import type { MultiSearchQuery, SearchResponse } from "meilisearch";
import { z } from "zod";
import { invalid } from "../../errors";
import { effectiveSort, toProductCard } from "../../catalog/list-products";
import { resolveFilters } from "../../catalog/product-filters";
import type { CatalogSort, ProductFacets } from "../../catalog/schemas";
import type { SearchPort } from "../search-port";
import { meilisearchFacets } from "./meilisearch-facets";
import { meilisearchFilter } from "./meilisearch-filters";
import type { ProductDocument } from "./product-documents";
import { productIndexSettings } from "./index-settings";
import type { ProductIndex } from "./product-index";

const SORTS: Record<CatalogSort, string[] | undefined> = {
  relevance: undefined,
  newest: ["createdAt:desc", "id:desc"],
  price_asc: ["priceMin:asc", "id:asc"],
  price_desc: ["priceMin:desc", "id:desc"],
};

const MAX_OFFSET = productIndexSettings.pagination.maxTotalHits;
const OffsetCursor = z.strictObject({ s: z.enum(["relevance", "newest", "price_asc", "price_desc"]), o: z.int().min(1).max(MAX_OFFSET) });

function encodeOffset(sort: CatalogSort, offset: number): string {
  return Buffer.from(JSON.stringify({ s: sort, o: offset })).toString("base64url");
}

/** Meilisearch pages by offset; the cursor carries it with the sort it belongs to. Throws Invalid (BAD_REQUEST) when bad. */
function decodeOffset(sort: CatalogSort, cursor: string): number {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    json = null;
  }
  const parsed = OffsetCursor.safeParse(json);
  if (!parsed.success) throw invalid("malformed cursor", { cursor: "malformed cursor" });
  if (parsed.data.s !== sort) throw invalid(`this cursor belongs to the ${parsed.data.s} sort`, { cursor: "wrong sort" });
  return parsed.data.o;
}

/** Every query word must match (Meilisearch's default drops words from the end to find more). */
export const baseQuery = (uid: string, q: string | undefined): MultiSearchQuery => ({ indexUid: uid, q: q ?? "", matchingStrategy: "all" });

/** Search on Meilisearch's product index: the same contract as the PostgreSQL adapter, over documents kept by the sync. */
export function meilisearchSearch(target: ProductIndex): SearchPort {
  return {
    name: "meilisearch",
    async listProducts(ctx, input) {
      const sort = effectiveSort(input.sort, input.q);
      const offset = input.cursor ? decodeOffset(sort, input.cursor) : ((input.page ?? 1) - 1) * input.limit;
      const filters = await resolveFilters(ctx, input);
      const limit = Math.min(input.limit + 1, MAX_OFFSET - offset);
      const result: SearchResponse<ProductDocument> = await target.index.search(input.q ?? "", {
        filter: meilisearchFilter(filters),
        sort: SORTS[sort],
        offset,
        limit,
        matchingStrategy: "all",
      });
      const page = result.hits.slice(0, input.limit);
      const hasMore = result.hits.length > input.limit;
      return {
        items: page.map((d) => toProductCard({ ...d, createdMicros: d.createdAt })),
        nextCursor: hasMore ? encodeOffset(sort, offset + page.length) : null,
      };
    },
    async facets(ctx, input): Promise<ProductFacets> {
      return meilisearchFacets(ctx, target, input.q, await resolveFilters(ctx, input));
    },
  };
}
