import { TRPCError } from "@trpc/server";
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { getCaller } from "@/app/_trpc/server";
import { PAGE_SIZE, parseListing, type Listing } from "@/app/_components/listing-params";
import type { CategoryNode } from "@/server/catalog/schemas";
import { appDb } from "@/server/db";
import { createCaller } from "@/server/trpc/root";
import { CATALOG_TAG, listingTag, productTag } from "./page-cache";

type Caller = ReturnType<typeof createCaller>;

/**
 * A caller that sees no cookie and no header: what it returns is the same for every shopper, so it may go into the
 * shared cache (the product and category pages, app/(shop)/_lib/page-cache.ts).
 */
const publicCaller = (): Caller => createCaller({ db: appDb(), actor: { type: "anonymous" } });

/** Once per request, shared by the layout's navigation and the page; cached until the catalogue changes. */
export const getCategoryTree = cache(unstable_cache(() => publicCaller().catalog.categoryTree(), ["category-tree"], { tags: [CATALOG_TAG] }));

/** The active product with this slug, or null (the page answers 404); cached until it, its prices or its stock change. */
export const getProduct = cache((slug: string) =>
  unstable_cache(
    async () => {
      try {
        return await publicCaller().catalog.productBySlug({ slug });
      } catch (error) {
        if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
        throw error;
      }
    },
    ["product", slug],
    { tags: [productTag(slug), CATALOG_TAG] },
  )(),
);

/** The categories from a root down to the one with `slug`, or null when there is none. */
export function findCategoryPath(tree: CategoryNode[], slug: string): CategoryNode[] | null {
  for (const node of tree) {
    if (node.slug === slug) return [node];
    const below = findCategoryPath(node.children, slug);
    if (below) return [node, ...below];
  }
  return null;
}

async function fetchListing(caller: Caller, listing: Listing) {
  try {
    const [result, facets] = await Promise.all([
      caller.catalog.listProducts({ ...listing.filters, sort: listing.sort, page: listing.page, limit: PAGE_SIZE }),
      caller.catalog.facets(listing.filters),
    ]);
    return { result, facets };
  } catch (error) {
    if (listing.page > 1 && error instanceof TRPCError && error.code === "BAD_REQUEST") return null;
    throw error;
  }
}

/** One page of products and the facets for the same filters; null when the URL's page is beyond what search reaches. */
export async function loadListing(listing: Listing) {
  return fetchListing(await getCaller(), listing);
}

/**
 * A category's unfiltered first page, cached until a product in it or below it (or its stock) changes. The cache keeps
 * JSON, so the cards' dates are revived.
 */
export async function loadCategoryFirstPage(categorySlug: string) {
  const listing = parseListing({}, { categorySlug });
  const load = unstable_cache(() => fetchListing(publicCaller(), listing), ["category-first-page", categorySlug], {
    tags: [listingTag(categorySlug), CATALOG_TAG],
  });
  const data = await load();
  if (!data) return null;
  return { listing, data: { ...data, result: { ...data.result, items: data.result.items.map((item) => ({ ...item, createdAt: new Date(item.createdAt) })) } } };
}
