import type { Metadata } from "next";
import { redirect } from "next/navigation";
import type { CategoryLink } from "@/app/_components/filter-sidebar";
import { canonicalListing, listingHref, paramValue, parseListing, type SearchParams } from "@/app/_components/listing-params";
import { ProductListing } from "@/app/_components/product-listing";
import { findCategoryPath, getCategoryTree, loadListing } from "../_lib/catalog-data";
import { DidYouMean, NoResults } from "./no-results";

interface SearchPageProps {
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ searchParams }: SearchPageProps): Promise<Metadata> {
  const query = await searchParams;
  const q = paramValue(query, "q");
  return { title: q ? `Search: ${q}` : "All products", alternates: { canonical: canonicalListing("/search", query, ["q", "category"]) } };
}

export default async function SearchPage({ searchParams }: SearchPageProps) {
  const query = await searchParams;
  const q = paramValue(query, "q");
  const requestedCategory = paramValue(query, "category");
  // An unknown category in a hand-edited URL is ignored rather than failing the search.
  const tree = await getCategoryTree();
  const category = requestedCategory ? findCategoryPath(tree, requestedCategory)?.at(-1) : undefined;

  const listing = parseListing(query, { q, categorySlug: category?.slug });
  const data = await loadListing(listing);
  if (!data) redirect(listingHref("/search", query, {}));

  const links: CategoryLink[] = data.facets.categories.map((c) => ({
    name: c.name,
    href: listingHref("/search", query, { category: c.slug }),
    count: c.count,
  }));
  if (category) {
    links.unshift({ name: "All categories", href: listingHref("/search", query, { category: undefined }) });
    links.splice(1, 0, { name: category.name, href: listingHref("/search", query, {}), count: data.facets.total, current: true });
  }
  const keep = { q: listing.filters.q, category: category?.slug };

  return (
    <ProductListing
      heading={q ? `Results for “${q}”` : "All products"}
      pathname="/search"
      params={query}
      listing={listing}
      result={data.result}
      facets={data.facets}
      keep={keep}
      categories={{ title: "Categories", links }}
      notice={q && data.result.didYouMean ? <DidYouMean q={q} corrected={data.result.didYouMean} /> : undefined}
      noResults={q ? <NoResults q={q} categories={tree.slice(0, 8)} /> : undefined}
    />
  );
}
