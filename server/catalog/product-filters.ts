import { sql, type SQL } from "drizzle-orm";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import type { CatalogFilterInput } from "./schemas";

/**
 * The WHERE builder shared by listProducts and getProductFacets. Every fragment is written against the alias `p`
 * for products. A product is visible when it is active and priced (it has at least one variant).
 */
export interface CatalogFilters {
  /** The selected category, when there is one. */
  categoryId?: number;
  /** The selected category and all its descendants. */
  categoryIds?: number[];
  q?: string;
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
  brands?: string[];
  options?: Record<string, string[]>;
}

/** Which filters a facet leaves out: its own. */
export interface Omitted {
  category?: boolean;
  price?: boolean;
  inStock?: boolean;
  brands?: boolean;
  /** An option name. */
  option?: string;
}

export const visibleProduct = sql`p.status = 'active' and p.price_min is not null`;

/** Variants with stock available in some active warehouse, as `from ... where ...` to extend with a correlation. */
export const stockedVariants = sql`from variants sv join stock_levels sl on sl.variant_id = sv.id join warehouses sw on sw.id = sl.warehouse_id and sw.active
  where sl.on_hand - sl.reserved > 0`;

/** The same fact per product, kept by triggers on stock_levels (migration 0037): a column test, not a scan. */
export const productInStock = sql`p.stocked_levels > 0`;

/** A query's words: letters and digits only, so they are safe inside to_tsquery's syntax. */
export function queryWords(q: string): string[] {
  return q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

// Quotes, a leading minus or OR ask for web-search syntax; anything else is typed words, each matched as a prefix.
const usesOperators = (q: string) => /"|(^|\s)-\S|\sor\s/i.test(q);

/** Every word as a prefix (search as you type: "jack" finds jackets), or websearch syntax when the query uses it. */
export function textQuery(q: string): SQL {
  const words = queryWords(q);
  if (usesOperators(q) || !words.length) return sql`websearch_to_tsquery('english', ${q})`;
  return sql`to_tsquery('english', ${words.map((w) => `${w}:*`).join(" & ")})`;
}

/** A query shaped like a SKU (AUD-000123-1): letters and digits in dashed groups, with a digit. */
export const skuShaped = (q: string) => /^[a-z0-9]+(-[a-z0-9]+)+$/i.test(q) && /\d/.test(q);

/** Products with a variant whose SKU is the query; only for SKU-shaped queries, so plain words keep the GIN index alone. */
export const skuProducts = (q: string) => sql`(select sv.product_id from variants sv where sv.sku in (${q}, ${q.toUpperCase()}))`;

function textCondition(q: string): SQL {
  const words = sql`p.search_vector @@ ${textQuery(q)}`;
  return skuShaped(q) ? sql`(${words} or p.id in ${skuProducts(q)})` : words;
}

export function priceCondition(f: CatalogFilters): SQL | undefined {
  const parts: SQL[] = [];
  if (f.minPrice !== undefined) parts.push(sql`p.price_min >= ${f.minPrice}`);
  if (f.maxPrice !== undefined) parts.push(sql`p.price_min <= ${f.maxPrice}`);
  return parts.length ? sql.join(parts, sql` and `) : undefined;
}

/** Some variant carries one of the values; several containments OR-ed so the GIN index on option_values serves them. */
export function optionCondition(name: string, values: string[]): SQL {
  const matches = values.map((value) => sql`ov.option_values @> ${JSON.stringify({ [name]: value })}::jsonb`);
  // OFFSET 0 keeps the variants lookup whole, so it runs once through the GIN index and is hashed. Without it the
  // planner, misjudging how rare a combination of options is, may walk a sort index probing variants product by
  // product across most of the catalogue.
  return sql`p.id in (select ov.product_id from variants ov where ${sql.join(matches, sql` or `)} offset 0)`;
}

export function activeOptions(f: CatalogFilters): [string, string[]][] {
  return Object.entries(f.options ?? {}).filter(([, values]) => values.length > 0);
}

export function productConditions(f: CatalogFilters, omit: Omitted = {}): SQL {
  return sql.join([visibleProduct, ...filterConditions(f, omit)], sql` and `);
}

/** The conditions beyond visibility; none means every visible product. */
export function filterConditions(f: CatalogFilters, omit: Omitted = {}): SQL[] {
  const parts: SQL[] = [];
  if (f.categoryIds && !omit.category) parts.push(sql`p.category_id = any(${`{${f.categoryIds.join(",")}}`}::int[])`);
  if (f.q) parts.push(textCondition(f.q));
  const price = omit.price ? undefined : priceCondition(f);
  if (price) parts.push(price);
  if (f.inStock && !omit.inStock) parts.push(productInStock);
  if (f.brands?.length && !omit.brands) parts.push(sql`p.brand in ${f.brands}`);
  for (const [name, values] of activeOptions(f)) {
    if (name !== omit.option) parts.push(optionCondition(name, values));
  }
  return parts;
}

/** Validated input to filters; an unknown category slug is NOT_FOUND. */
export async function resolveFilters(ctx: ServiceContext, input: CatalogFilterInput): Promise<CatalogFilters> {
  const { categorySlug, ...rest } = input;
  if (!categorySlug) return rest;
  const [row] = await ctx.db.execute<{ id: number | null; ids: number[] | null }>(sql`
    with recursive subtree as (
      select id from categories where slug = ${categorySlug}
      union all
      select c.id from categories c join subtree s on c.parent_id = s.id
    )
    select (select id from categories where slug = ${categorySlug}) as id, array_agg(id) as ids from subtree`);
  if (!row?.id || !row.ids) throw notFound("category");
  return { ...rest, categoryId: row.id, categoryIds: row.ids };
}
