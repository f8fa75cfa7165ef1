import Link from "next/link";
import type { ReactNode } from "react";
import type { ProductCard as ProductCardData, ProductFacets } from "@/server/catalog/schemas";
import { FilterSidebar, type CategoryLink } from "./filter-sidebar";
import { hasActiveFilters, listingHref, PAGE_SIZE, sortOptions, type Listing, type SearchParams } from "./listing-params";
import { Pagination } from "./pagination";
import { ProductGrid } from "./product-grid";
import { SortSelect } from "./sort-select";

interface ProductListingProps {
  heading: string;
  top?: ReactNode;
  pathname: string;
  params: SearchParams;
  listing: Listing;
  result: { items: ProductCardData[] };
  facets: ProductFacets;
  /** What "Clear filters" keeps (the search query). */
  keep?: Record<string, string | undefined>;
  categories?: { title: string; links: CategoryLink[] };
  /** Above the grid: e.g. which corrected query the results are for. */
  notice?: ReactNode;
  /** In place of the generic empty state when nothing matched at all. */
  noResults?: ReactNode;
}

/** The category and search pages: filters, sort, a grid of cards and numbered pages, all driven by the URL. */
export function ProductListing({ heading, top, pathname, params, listing, result, facets, keep = {}, categories, notice, noResults }: ProductListingProps) {
  const clearHref = hasActiveFilters(listing.filters) ? listingHref(pathname, keep, {}) : null;
  const firstHref = listing.page > 1 ? listingHref(pathname, params, {}) : null;
  const pageHref = (page: number) => listingHref(pathname, params, { page: page > 1 ? String(page) : undefined });
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
        <section aria-labelledby="products-heading">
          {/* Keeps the heading order h1 → h2 → the cards' h3 whether or not the filters show headings. */}
          <h2 id="products-heading" className="sr-only">
            Products
          </h2>
          {notice}
          {result.items.length > 0 ? (
            <ProductGrid products={result.items} label={heading} />
          ) : (
            ((!firstHref && !clearHref && noResults) || <EmptyState clearHref={clearHref} firstHref={firstHref} />)
          )}
          {result.items.length > 0 && <Pagination page={listing.page} pageSize={PAGE_SIZE} total={facets.total} hrefFor={pageHref} />}
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
      {(firstHref ?? clearHref) && (
        <Link href={(firstHref ?? clearHref) as string} className="text-sm font-medium text-brand-700 underline">
          {firstHref ? "Back to the first page" : "Clear filters"}
        </Link>
      )}
    </div>
  );
}
