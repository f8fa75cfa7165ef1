import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { canonicalListing, listingHref, parseListing, type SearchParams } from "@/app/_components/listing-params";
import { findCategoryPath, getCategoryTree, loadListing } from "../../../_lib/catalog-data";
import { CategoryListing } from "../category-listing";

// proxy.ts rewrites /c/<slug>?<query> here: the listing with filters, a sort or a page number, rendered per request.
interface FilteredCategoryPageProps {
  params: Promise<{ category: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params, searchParams }: FilteredCategoryPageProps): Promise<Metadata> {
  const [{ category: slug }, query] = await Promise.all([params, searchParams]);
  const category = findCategoryPath(await getCategoryTree(), slug)?.at(-1);
  if (!category) return { title: "Category not found" };
  // Filters and sorts show the same products as the plain category; each numbered page is its own.
  return { title: category.name, alternates: { canonical: canonicalListing(`/c/${category.slug}`, query) } };
}

export default async function FilteredCategoryPage({ params, searchParams }: FilteredCategoryPageProps) {
  const [{ category: slug }, query] = await Promise.all([params, searchParams]);
  const path = findCategoryPath(await getCategoryTree(), slug);
  if (!path) notFound();
  const listing = parseListing(query, { categorySlug: slug });
  const data = await loadListing(listing);
  if (!data) redirect(listingHref(`/c/${slug}`, query, {}));
  return <CategoryListing path={path} query={query} listing={listing} data={data} />;
}
