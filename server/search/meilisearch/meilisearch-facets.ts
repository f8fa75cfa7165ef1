import { asc, eq, isNull } from "drizzle-orm";
import type { MultiSearchQuery } from "meilisearch";
import { categories } from "@/db/schema";
import type { ServiceContext } from "../../context";
import { activeOptions, type CatalogFilters, type Omitted } from "../../catalog/product-filters";
import type { ProductFacets } from "../../catalog/schemas";
import { meilisearchFilter, splitOptionValue } from "./meilisearch-filters";
import type { ProductIndex } from "./product-index";

type Distribution = Record<string, number>;

/**
 * Disjunctive facets as PostgreSQL counts them: one search per facet with every filter but its own, all in one
 * multi-search request, each asking for counts only (`hitsPerPage: 0` makes the total exact).
 */
export async function meilisearchFacets(ctx: ServiceContext, target: ProductIndex, q: string | undefined, f: CatalogFilters): Promise<ProductFacets> {
  const query = (omit: Omitted, facets: string[]): MultiSearchQuery => ({
    indexUid: target.index.uid,
    q: q ?? "",
    matchingStrategy: "all",
    filter: meilisearchFilter(f, omit),
    facets,
    hitsPerPage: 0,
    page: 1,
  });
  const filteredOptions = activeOptions(f).map(([name]) => name);
  const queries = [
    query({}, ["optionValues", "currency"]),
    query({ category: true }, ["categoryIds"]),
    query({ brands: true }, ["brand"]),
    query({ price: true }, ["priceMin"]),
    query({ inStock: true }, ["inStock"]),
    ...filteredOptions.map((option) => query({ option }, ["optionValues"])),
  ];
  const [{ results }, children] = await Promise.all([
    target.client.multiSearch({ queries }),
    ctx.db
      .select({ id: categories.id, slug: categories.slug, name: categories.name })
      .from(categories)
      .where(f.categoryId === undefined ? isNull(categories.parentId) : eq(categories.parentId, f.categoryId))
      .orderBy(asc(categories.position), asc(categories.name)),
  ]);
  const [main, byCategory, byBrand, byPrice, byStock, ...byOption] = results;
  const facet = (r: (typeof results)[number] | undefined, name: string): Distribution => r?.facetDistribution?.[name] ?? {};

  const optionCounts = new Map<string, { value: string; count: number }[]>();
  const addOptions = (distribution: Distribution, keep: (name: string) => boolean) => {
    for (const [pair, count] of Object.entries(distribution)) {
      const [name, value] = splitOptionValue(pair);
      if (!keep(name) || count === 0) continue;
      optionCounts.set(name, [...(optionCounts.get(name) ?? []), { value, count }]);
    }
  };
  addOptions(facet(main, "optionValues"), (name) => !filteredOptions.includes(name));
  filteredOptions.forEach((option, i) => addOptions(facet(byOption[i], "optionValues"), (name) => name === option));

  const byCount = <T extends { count: number }>(key: (t: T) => string) => (a: T, b: T) => b.count - a.count || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  const categoryCounts = facet(byCategory, "categoryIds");
  const stats = byPrice?.facetStats?.priceMin;
  const currencies = Object.keys(facet(main, "currency")).sort();
  return {
    total: main?.totalHits ?? 0,
    categories: children.filter((c) => (categoryCounts[c.id] ?? 0) > 0).map((c) => ({ slug: c.slug, name: c.name, count: categoryCounts[c.id]! })),
    brands: Object.entries(facet(byBrand, "brand"))
      .map(([value, count]) => ({ value, count }))
      .filter((b) => b.count > 0)
      .sort(byCount((b) => b.value)),
    options: [...optionCounts]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, values]) => ({ name, values: values.sort(byCount((v) => v.value)) })),
    price: { min: stats?.min ?? null, max: stats?.max ?? null, currency: currencies[0] ?? "USD" },
    inStockCount: facet(byStock, "inStock")["true"] ?? 0,
  };
}
