import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { canonicalListing, listingHref, parseListing, type SearchParams } from "@/app/_components/listing-params";
import { findCategoryPath, getCategoryTree, loadCategoryFirstPage, loadListing } from "../../_lib/catalog-data";
import { CategoryListing } from "./category-listing";

interface CategoryPageProps {
  params: Promise<{ category: string }>;
  searchParams: Promise<SearchParams>;
}

async function categoryPath(slug: string) {
  return findCategoryPath(await getCategoryTree(), slug);
}

export async function generateMetadata({ params, searchParams }: CategoryPageProps): Promise<Metadata> {
  const [{ category: slug }, query] = await Promise.all([params, searchParams]);
  const category = (await categoryPath(slug))?.at(-1);
  if (!category) return { title: "Category not found" };
  // Filters and sorts show the same products as the plain category; each numbered page is its own.
  return { title: category.name, alternates: { canonical: canonicalListing(`/c/${category.slug}`, query) } };
}

export default async function CategoryPage({ params, searchParams }: CategoryPageProps) {
  const [{ category: slug }, query] = await Promise.all([params, searchParams]);
  const path = await categoryPath(slug);
  if (!path) notFound();
  const listing = parseListing(query, { categorySlug: slug });
  // The plain first page's products and facets come from the data cache (expired when a product in it changes);
  // filtered, sorted and numbered pages are read per request.
  const plain = JSON.stringify(listing) === JSON.stringify(parseListing({}, { categorySlug: slug }));
  const data = plain ? (await loadCategoryFirstPage(slug))?.data : await loadListing(listing);
  if (!data) redirect(listingHref(`/c/${slug}`, query, {}));
  return <CategoryListing path={path} query={query} listing={listing} data={data} />;
}
