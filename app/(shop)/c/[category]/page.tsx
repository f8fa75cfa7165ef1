import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findCategoryPath, getCategoryTree, loadCategoryFirstPage } from "../../_lib/catalog-data";
import { CategoryListing } from "./category-listing";

// The plain first page, served from the page cache until a product in the category changes (app/(shop)/_lib/page-cache.ts).
// Filters, sorts and page numbers are in the query, which proxy.ts sends to filtered/page.tsx.
export const dynamic = "force-static";
export const generateStaticParams = async () => [];

interface CategoryPageProps {
  params: Promise<{ category: string }>;
}

export async function generateMetadata({ params }: CategoryPageProps): Promise<Metadata> {
  const category = findCategoryPath(await getCategoryTree(), (await params).category)?.at(-1);
  if (!category) return { title: "Category not found" };
  return { title: category.name, alternates: { canonical: `/c/${category.slug}` } };
}

export default async function CategoryPage({ params }: CategoryPageProps) {
  const { category: slug } = await params;
  const path = findCategoryPath(await getCategoryTree(), slug);
  const first = path && (await loadCategoryFirstPage(slug));
  if (!path || !first) notFound();
  return <CategoryListing path={path} query={{}} listing={first.listing} data={first.data} />;
}
