import { sql, type SQL } from "drizzle-orm";
import type { ServiceContext } from "../context";
import { decodeCursor, encodeCursor, microsToIso, type Cursor } from "./cursor";
import { productConditions, resolveFilters, skuProducts, skuShaped, stockedVariants, textQuery } from "./product-filters";
import { MAX_LISTING_OFFSET, type CatalogSort, type ListProductsQuery, type ProductCard, type ProductPage } from "./schemas";

interface SortPlan {
  /** The sort key as a JS-safe number, carried in the cursor. */
  key: SQL;
  order: SQL;
  descending: boolean;
  after: (cursor: Cursor) => SQL;
}

// ORDER BY clauses match products_status_created_idx (DESC NULLS LAST) and products_status_price_idx exactly so the
// planner walks the index and stops at LIMIT; row comparisons keep the keyset seek on the same index.
function sortPlan(sort: CatalogSort, q = ""): SortPlan {
  switch (sort) {
    case "newest":
      return {
        key: sql`(extract(epoch from p.created_at) * 1000000)::float8`,
        order: sql`p.created_at desc nulls last, p.id desc nulls last`,
        descending: true,
        after: (c) => sql`(p.created_at, p.id) < (${microsToIso(c.key)}::timestamptz, ${c.id})`,
      };
    case "price_asc":
      return {
        key: sql`p.price_min`,
        order: sql`p.price_min asc, p.id asc`,
        descending: false,
        after: (c) => sql`(p.price_min, p.id) > (${c.key}::int, ${c.id})`,
      };
    case "price_desc":
      return {
        key: sql`p.price_min`,
        order: sql`p.price_min desc, p.id desc`,
        descending: true,
        after: (c) => sql`(p.price_min, p.id) < (${c.key}::int, ${c.id})`,
      };
    case "relevance": {
      // float8 so the rank survives the JSON round trip exactly; an exact SKU outranks any words.
      const words = sql`ts_rank_cd(p.search_vector, ${textQuery(q)})`;
      const rank = skuShaped(q) ? sql`((p.id in ${skuProducts(q)})::int * 1000 + ${words})::float8` : sql`${words}::float8`;
      return {
        key: rank,
        order: sql`${rank} desc, p.id desc`,
        descending: true,
        after: (c) => sql`(${rank}, p.id) < (${c.key}::float8, ${c.id})`,
      };
    }
  }
}

export function effectiveSort(sort: CatalogSort | undefined, q: string | undefined): CatalogSort {
  if (!sort) return q ? "relevance" : "newest";
  return sort === "relevance" && !q ? "newest" : sort;
}

/** A product card's fields as a search engine holds them, created_at in epoch microseconds. */
export interface CardFields {
  id: number;
  slug: string;
  title: string;
  brand: string;
  priceMin: number;
  priceMax: number;
  compareAt: number | null;
  currency: string;
  imageUrl: string | null;
  imageAlt: string | null;
  inStock: boolean;
  createdMicros: number;
}

interface CardRow extends CardFields, Record<string, unknown> {
  sortKey: number;
}

/** A product card's compareAt: the highest compare-at price above the sale price among the variants at the cheapest price. */
export function compareAtSql(productId: SQL, priceMin: SQL): SQL {
  return sql`select max(v.compare_at_amount)::float8 from variants v
    where v.product_id = ${productId} and v.price_amount = ${priceMin} and v.compare_at_amount > v.price_amount`;
}

export function toProductCard(r: CardFields): ProductCard {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    brand: r.brand,
    priceMin: r.priceMin,
    priceMax: r.priceMax,
    compareAt: r.compareAt ?? null,
    currency: r.currency,
    imageUrl: r.imageUrl,
    imageAlt: r.imageAlt ?? "",
    inStock: r.inStock,
    createdAt: new Date(Math.floor(r.createdMicros / 1000)),
  };
}

interface PageQuery {
  /** Rows of the page and one more, when there is one, in the page's order. */
  statement: SQL;
  direction: SQL;
  toPage(rows: CardRow[]): ProductPage;
}

async function pageQuery(ctx: ServiceContext, input: ListProductsQuery): Promise<PageQuery> {
  const sort = effectiveSort(input.sort, input.q);
  const cursor = input.cursor ? decodeCursor(sort, input.cursor) : undefined;
  const filters = await resolveFilters(ctx, input);
  const plan = sortPlan(sort, filters.q);
  // Relevance ranks at most the first MAX_LISTING_OFFSET matches the text index gives (as deep as a listing pages, the
  // same for every page): ranking every match reads every matching product, 60,000 of a million for a common word.
  const ranked = sort === "relevance";
  const source = ranked ? sql`(select * from products p where ${productConditions(filters)} limit ${MAX_LISTING_OFFSET})` : sql`products`;
  const conditions = [...(ranked ? [] : [productConditions(filters)]), ...(cursor ? [plan.after(cursor)] : [])];

  // Sort and limit first, then fetch the image and stock of the page's rows only.
  const direction = plan.descending ? sql`desc` : sql`asc`;
  const statement = sql`
    select p.*, img.url as "imageUrl", img.alt as "imageAlt", st.found is not null as "inStock",
      (${compareAtSql(sql`p.id`, sql`p."priceMin"`)}) as "compareAt"
    from (
      select p.id, p.slug, p.title, p.brand, p.price_min as "priceMin", p.price_max as "priceMax",
        p.currency::text as currency, (extract(epoch from p.created_at) * 1000000)::float8 as "createdMicros",
        ${plan.key} as "sortKey"
      from ${source} p ${conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``} order by ${plan.order} limit ${input.limit + 1} offset ${((input.page ?? 1) - 1) * input.limit}
    ) p
    left join lateral (
      select url, alt from product_images where product_id = p.id order by position, id limit 1
    ) img on true
    left join lateral (select 1 as found ${stockedVariants} and sv.product_id = p.id limit 1) st on true
    order by p."sortKey" ${direction}, p.id ${direction}`;

  const toPage = (rows: CardRow[]): ProductPage => {
    const hasMore = rows.length > input.limit;
    const page = rows.slice(0, input.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toProductCard),
      nextCursor: hasMore && last ? encodeCursor(sort, { key: last.sortKey, id: last.id }) : null,
    };
  };
  return { statement, direction, toPage };
}

export async function listProducts(ctx: ServiceContext, input: ListProductsQuery): Promise<ProductPage> {
  const query = await pageQuery(ctx, input);
  return query.toPage(await ctx.db.execute<CardRow>(query.statement));
}

/** Values read in a listing's statement (so from the same snapshot), each as the column its key names. */
export type Alongside<T> = { [K in keyof T]: SQL<T[K]> };

const alongsideColumns = <T>(alongside: Alongside<T>) =>
  sql.join(Object.entries<SQL>(alongside).map(([name, value]) => sql`${value} as ${sql.identifier(name)}`), sql`, `);

const alongsideValues = <T>(alongside: Alongside<T>, row: Record<string, unknown>) =>
  Object.fromEntries(Object.keys(alongside).map((name) => [name, row[name]])) as T;

/** The page for `input` and `alongside`, read in the same statement (one round trip), even when the page is empty. */
export async function listProductsAlongside<T>(ctx: ServiceContext, input: ListProductsQuery, alongside: Alongside<T>): Promise<{ page: ProductPage; value: T }> {
  const query = await pageQuery(ctx, input);
  // The left join from a single row returns `alongside` even when the page has no rows (then its columns are null).
  const rows = await ctx.db.execute<CardRow>(sql`
    select u.*, a.* from (select ${alongsideColumns(alongside)}) a left join (${query.statement}) u on true
    order by u."sortKey" ${query.direction}, u.id ${query.direction}`);
  return { page: query.toPage(rows[0]?.id === null ? [] : rows), value: alongsideValues(alongside, rows[0]!) };
}

/**
 * The page for `input`, or when it is empty the page for `fallback` (the same input with other words, so the same sort),
 * in one statement: the fallback's listing runs only when the first one finds nothing. `alongside` is read in the same
 * statement (so from the same snapshot) and returned as `value`. `fellBack` is also true when both pages are empty.
 */
export async function listProductsOrElse<T>(
  ctx: ServiceContext,
  input: ListProductsQuery,
  fallback: ListProductsQuery,
  alongside: Alongside<T>,
): Promise<{ page: ProductPage; fellBack: boolean; value: T }> {
  const [first, second] = await Promise.all([pageQuery(ctx, input), pageQuery(ctx, fallback)]);
  // Only one branch gives rows, so ordering the union by the page's own order keeps it; the left join from a single
  // row returns `alongside` even when neither does.
  const rows = await ctx.db.execute<CardRow & { fellBack: boolean | null }>(sql`
    with first as materialized (${first.statement})
    select u.*, a.* from (select ${alongsideColumns(alongside)}) a left join (
      select false as "fellBack", * from first
      union all
      select true, * from (${second.statement}) second where not exists (select 1 from first)
    ) u on true
    order by u."sortKey" ${first.direction}, u.id ${first.direction}`);
  const fellBack = rows[0]?.fellBack ?? true;
  const found = rows[0]?.fellBack === null ? [] : rows;
  return { page: (fellBack ? second : first).toPage(found), fellBack, value: alongsideValues(alongside, rows[0]!) };
}
