import { randomBytes, timingSafeEqual } from "node:crypto";
import type { CatalogChange } from "@/server/catalog/catalog-feed";

/**
 * Cache tags of the cached storefront pages (product pages and the unfiltered category pages). Every cached entry carries
 * CATALOG_TAG (through the category tree in the shop's layout), so expiring it expires them all.
 */
export const CATALOG_TAG = "catalog";
export const productTag = (slug: string) => `product:${slug}`;
export const listingTag = (categorySlug: string) => `listing:${categorySlug}`;

/** Past this many pages in one batch, expiring everything is cheaper than naming them. */
const MAX_TAGS = 500;

export function tagsFor(change: CatalogChange): string[] {
  if (change.all) return [CATALOG_TAG];
  const tags = [...new Set([...change.productSlugs.map(productTag), ...change.categorySlugs.map(listingTag)])];
  return tags.length > MAX_TAGS ? [CATALOG_TAG] : tags;
}

export const PAGE_CACHE_TOKEN_HEADER = "x-page-cache-token";
const TOKEN_KEY = Symbol.for("emporium.page-cache-token");

/**
 * A secret of this process only: revalidateTag works only inside a request, so the feed (started in instrumentation)
 * asks its own server to expire pages, and /api/page-cache answers only callers holding this token.
 */
export function pageCacheToken(): string {
  const store = globalThis as { [TOKEN_KEY]?: string };
  return (store[TOKEN_KEY] ??= randomBytes(32).toString("hex"));
}

export function isPageCacheToken(given: string | null): boolean {
  const expected = Buffer.from(pageCacheToken());
  const actual = Buffer.from(given ?? "");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
