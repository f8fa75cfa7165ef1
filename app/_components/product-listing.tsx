import Link from "next/link";
import type { ReactNode } from "react";
import type { ProductCard as ProductCardData, ProductFacets } from "@/server/catalog/schemas";
import { FilterSidebar, type CategoryLink } from "./filter-sidebar";
import { hasActiveFilters, listingHref, sortOptions, type Listing, type SearchParams } from "./listing-params";
import { Pagination } from "./pagination";
import { ProductGrid } from "./product-grid";
import { SortSelect } from "./sort-select";

interface ProductListingProps {
  heading: string;
  top?: ReactNode;
  pathname: string;
  params: SearchParams;
  listing: Listing;
  result: { items: ProductCardData[]; nextCursor: string | null };
  facets: ProductFacets;
  /** What "Clear filters" keeps (the search query). */
  keep?: Record<string, string | undefined>;
  categories?: { title: string; links: CategoryLink[] };
  /** Above the grid: e.g. which corrected query the results are for. */
  notice?: ReactNode;
  /** In place of the generic empty state when nothing matched at all. */
  noResults?: ReactNode;
}

/** The category and search pages: filters, sort, a grid of cards and cursor paging, all driven by the URL. */
export function ProductListing({ heading, top, pathname, params, listing, result, facets, keep = {}, categories, notice, noResults }: ProductListingProps) {
  const clearHref = hasActiveFilters(listing.filters) ? listingHref(pathname, keep, {}) : null;
  const nextHref = result.nextCursor ? listingHref(pathname, params, { after: result.nextCursor }) : null;
  const firstHref = listing.cursor ? listingHref(pathname, params, {}) : null;
  // Remounts the controls whenever the URL changes, so they always show what the URL says.
  const controlsKey = JSON.stringify([listing.filters, listing.sort]);

  return (
    <div className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6">
      {top}
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{heading}</h1>
          <p className="mt-1 text-sm text-stone-600">
            {facets.total} {facets.total === 1 ? "product" : "products"}
          </p>
        </div>
        <SortSelect key={controlsKey} options={sortOptions(Boolean(listing.filters.q))} value={listing.sort} />
      </div>
      <div className="grid gap-6 lg:grid-cols-[15rem_1fr] lg:gap-10">
        <aside aria-label="Filters">
          <FilterSidebar
            formKey={controlsKey}
            action={pathname}
            facets={facets}
            filters={listing.filters}
            hidden={keep}
            clearHref={clearHref}
            categories={categories}
          />
        </aside>
        <section aria-label="Products">
          {notice}
          {result.items.length > 0 ? (
            <ProductGrid products={result.items} label={heading} />
          ) : (
            ((!firstHref && !clearHref && noResults) || <EmptyState clearHref={clearHref} firstHref={firstHref} />)
          )}
          <Pagination nextHref={nextHref} firstHref={firstHref} />
        </section>
      </div>
    </div>
  );
}

function EmptyState({ clearHref, firstHref }: { clearHref: string | null; firstHref: string | null }) {
  const message = firstHref ? "No more products" : clearHref ? "No products match these filters" : "No products here yet";
  return (
    <div className="flex flex-col items-center gap-3 rounded-lg border border-dashed border-stone-300 px-6 py-16 text-center">
      <h2 className="text-lg font-medium">{message}</h2>
      {clearHref && !firstHref && (
        <Link href={clearHref} className="text-sm font-medium text-brand-700 underline">
          Clear filters
        </Link>
      )}
    </div>
  );
}
