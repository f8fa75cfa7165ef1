import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { Breadcrumbs } from "@/app/_components/breadcrumbs";
import { canonicalListing, listingHref, parseListing, type SearchParams } from "@/app/_components/listing-params";
import { ProductListing } from "@/app/_components/product-listing";
import { findCategoryPath, getCategoryTree, loadListing } from "../../_lib/catalog-data";

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
  const category = path?.at(-1);
  if (!path || !category) notFound();

  const pathname = `/c/${category.slug}`;
  const listing = parseListing(query, { categorySlug: category.slug });
  const data = await loadListing(listing);
  if (!data) redirect(listingHref(pathname, query, {}));

  // Below a leaf, offer its siblings instead, so there is always somewhere to go sideways.
  const parent = path.at(-2);
  const related = category.children.length > 0 ? category.children : (parent?.children ?? []);
  const counts = new Map(data.facets.categories.map((c) => [c.slug, c.count]));

  return (
    <ProductListing
      heading={category.name}
      top={<Breadcrumbs items={[{ name: "Home", href: "/" }, ...path.map((c) => ({ name: c.name, href: `/c/${c.slug}` }))]} />}
      pathname={pathname}
      params={query}
      listing={listing}
      result={data.result}
      facets={data.facets}
      categories={{
        title: category.children.length > 0 ? "Subcategories" : `More in ${parent?.name ?? "the shop"}`,
        links: related.map((c) => ({ name: c.name, href: `/c/${c.slug}`, count: counts.get(c.slug) ?? 0, current: c.slug === category.slug })),
      }}
    />
  );
}
