import { TRPCError } from "@trpc/server";
import { cache } from "react";
import { getCaller } from "@/app/_trpc/server";
import { PAGE_SIZE, type Listing } from "@/app/_components/listing-params";
import type { CategoryNode } from "@/server/catalog/schemas";

/** Once per request, shared by the layout's navigation and the page. */
export const getCategoryTree = cache(async () => (await getCaller()).catalog.categoryTree());

/** The active product with this slug, or null (the page answers 404). */
export const getProduct = cache(async (slug: string) => {
  try {
    return await (await getCaller()).catalog.productBySlug({ slug });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
    throw error;
  }
});

/** The categories from a root down to the one with `slug`, or null when there is none. */
export function findCategoryPath(tree: CategoryNode[], slug: string): CategoryNode[] | null {
  for (const node of tree) {
    if (node.slug === slug) return [node];
    const below = findCategoryPath(node.children, slug);
    if (below) return [node, ...below];
  }
  return null;
}

/** One page of products and the facets for the same filters; null when the URL's page is beyond what search reaches. */
export async function loadListing(listing: Listing) {
  const caller = await getCaller();
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
