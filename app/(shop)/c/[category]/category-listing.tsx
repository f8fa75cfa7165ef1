import { Breadcrumbs } from "@/app/_components/breadcrumbs";
import type { Listing, SearchParams } from "@/app/_components/listing-params";
import { ProductListing } from "@/app/_components/product-listing";
import type { CategoryNode } from "@/server/catalog/schemas";
import type { loadListing } from "../../_lib/catalog-data";

interface CategoryListingProps {
  /** The categories from a root down to this one. */
  path: CategoryNode[];
  query: SearchParams;
  listing: Listing;
  data: NonNullable<Awaited<ReturnType<typeof loadListing>>>;
}

/** A category's listing: the cached first page (page.tsx) and the filtered, sorted or numbered ones (filtered/page.tsx). */
export function CategoryListing({ path, query, listing, data }: CategoryListingProps) {
  const category = path.at(-1)!;
  // Below a leaf, offer its siblings instead, so there is always somewhere to go sideways.
  const parent = path.at(-2);
  const related = category.children.length > 0 ? category.children : (parent?.children ?? []);
  const counts = new Map(data.facets.categories.map((c) => [c.slug, c.count]));

  return (
    <ProductListing
      heading={category.name}
      top={<Breadcrumbs items={[{ name: "Home", href: "/" }, ...path.map((c) => ({ name: c.name, href: `/c/${c.slug}` }))]} />}
      pathname={`/c/${category.slug}`}
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
