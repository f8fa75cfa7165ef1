import { sql, type SQL } from "drizzle-orm";
import type { ServiceContext } from "../context";
import { activeOptions, filterConditions, priceCondition, productConditions, productInStock, resolveFilters, type CatalogFilters, type Omitted } from "./product-filters";
import type { CatalogFilterInput, ProductFacets } from "./schemas";
import { unfilteredFacetCounts } from "./unfiltered-facets";

type Counted<T> = T & Record<string, unknown> & { count: number };

/**
 * Disjunctive facets: each facet's counts apply every filter except its own, so a shopper sees what picking another
 * value would give. One SQL statement per facet, run concurrently; with no filter but the category, the counts the
 * triggers keep serve every facet.
 */
export async function getProductFacets(ctx: ServiceContext, input: CatalogFilterInput): Promise<ProductFacets> {
  const f = await resolveFilters(ctx, input);
  if (!filterConditions(f, { category: true }).length) return unfilteredFacetCounts(ctx, f.categoryId);
  const [summary, categories, brands, options] = await Promise.all([
    summarise(ctx, f),
    ctx.db.execute<Counted<{ slug: string; name: string }>>(categoryCounts(f)),
    ctx.db.execute<Counted<{ value: string }>>(sql`
      select p.brand as value, count(*)::int as count from products p
      where ${productConditions(f, { brands: true })}
      group by p.brand order by count desc, value`),
    ctx.db.execute<Counted<{ name: string; value: string }>>(optionCounts(f)),
  ]);
  return {
    total: summary.total,
    categories: categories.map((c) => ({ slug: c.slug, name: c.name, count: c.count })),
    brands: brands.map((b) => ({ value: b.value, count: b.count })),
    options: groupOptions(options),
    price: { min: summary.priceMin, max: summary.priceMax, currency: summary.currency ?? "USD" },
    inStockCount: summary.inStockCount,
  };
}

/** Option value counts, ordered by name, grouped under their name. */
function groupOptions(rows: { name: string; value: string; count: number }[]): ProductFacets["options"] {
  const byName = new Map<string, { value: string; count: number }[]>();
  for (const row of rows) {
    const values = byName.get(row.name) ?? [];
    if (!values.length) byName.set(row.name, values);
    values.push({ value: row.value, count: row.count });
  }
  return [...byName].map(([name, values]) => ({ name, values }));
}

/** total, the price range (ignoring the price filter) and the in-stock count (ignoring the in-stock filter) in one pass. */
async function summarise(ctx: ServiceContext, f: CatalogFilters) {
  const priceOk = priceCondition(f) ?? sql`true`;
  const stockOk = f.inStock ? sql`p.in_stock` : sql`true`;
  const [row] = await ctx.db.execute<{
    total: number;
    priceMin: number | null;
    priceMax: number | null;
    inStockCount: number;
    currency: string | null;
  }>(sql`
    with filtered as materialized (
      -- materialized so the stock test runs once per product, not once per aggregate that reads it
      select p.price_min, p.currency::text as currency, ${priceOk} as price_ok, ${productInStock} as in_stock
      from products p where ${productConditions(f, { price: true, inStock: true })}
    )
    select count(*) filter (where p.price_ok and ${stockOk})::int as total,
      min(p.price_min) filter (where ${stockOk}) as "priceMin",
      max(p.price_min) filter (where ${stockOk}) as "priceMax",
      count(*) filter (where p.price_ok and p.in_stock)::int as "inStockCount",
      min(p.currency) filter (where p.price_ok and ${stockOk}) as currency
    from filtered p`);
  return row ?? { total: 0, priceMin: null, priceMax: null, inStockCount: 0, currency: null };
}

/** Counts per direct child of the selected category (per root when none), each including its descendants. */
function categoryCounts(f: CatalogFilters): SQL {
  const parent = f.categoryId === undefined ? sql`parent_id is null` : sql`parent_id = ${f.categoryId}`;
  return sql`
    with recursive bucket as (
      select id, id as bucket_id from categories where ${parent}
      union all
      select c.id, b.bucket_id from categories c join bucket b on c.parent_id = b.id
    )
    select c.slug, c.name, count(*)::int as count
    from products p join bucket b on b.id = p.category_id join categories c on c.id = b.bucket_id
    where ${productConditions(f, { category: true })}
    group by c.id order by c.position, c.name`;
}

/**
 * Option names with a filter each get their own counts ignoring that filter; the rest share one query. Counted from
 * product_option_values, which holds visible products only.
 */
function optionCounts(f: CatalogFilters): SQL {
  const filtered = activeOptions(f).map(([name]) => name);
  const count = (omit: Omitted, name?: SQL) => {
    const where = name ? [name] : [];
    if (filterConditions(f, omit).length) where.push(sql`pv.product_id in (select p.id from products p where ${productConditions(f, omit)})`);
    return sql`select pv.name, pv.value, count(*)::int as count from product_option_values pv
      ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``} group by pv.name, pv.value`;
  };
  const parts = [
    count({}, filtered.length ? sql`pv.name not in ${filtered}` : undefined),
    ...filtered.map((name) => count({ option: name }, sql`pv.name = ${name}`)),
  ];
  return sql`select * from (${sql.join(parts, sql` union all `)}) o order by o.name, o.count desc, o.value`;
}
