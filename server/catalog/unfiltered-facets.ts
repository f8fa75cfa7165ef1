import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";
import { productInStock, visibleProduct } from "./product-filters";
import type { ProductFacets } from "./schemas";

type Summary = Omit<ProductFacets, "options" | "price"> & { priceMin: number | null; priceMax: number | null; currency: string | null };

/**
 * With no filter every facet counts the same products, so one pass over the visible products (an index-only scan of
 * products_visible_idx) grouped by category and brand feeds them all: the total, the price range and the in-stock
 * count, the root categories (each with its descendants) and the brands. Three passes (a statement per facet) cost the
 * database three times as much on a large catalogue.
 */
export async function unfilteredFacetCounts(ctx: ServiceContext): Promise<Summary> {
  const [row] = await ctx.db.execute<Summary & Record<string, unknown>>(sql`
    with recursive bucket as (
      select id, id as bucket_id from categories where parent_id is null
      union all
      select c.id, b.bucket_id from categories c join bucket b on c.parent_id = b.id
    ),
    groups as materialized (
      -- currency as a key rather than min(currency) per row: hashing it costs less than comparing text under a collation
      select p.category_id, p.brand, p.currency::text as currency, count(*)::int as count,
        count(*) filter (where ${productInStock})::int as in_stock, min(p.price_min) as price_min, max(p.price_min) as price_max
      from products p where ${visibleProduct}
      group by p.category_id, p.brand, p.currency
    )
    select coalesce(sum(g.count), 0)::int as total, coalesce(sum(g.in_stock), 0)::int as "inStockCount",
      min(g.price_min) as "priceMin", max(g.price_max) as "priceMax", min(g.currency) as currency,
      (select coalesce(json_agg(json_build_object('slug', slug, 'name', name, 'count', count) order by position, name), '[]')
         from (select c.slug, c.name, c.position, sum(g.count)::int as count
                 from groups g join bucket b on b.id = g.category_id join categories c on c.id = b.bucket_id group by c.id) r) as categories,
      (select coalesce(json_agg(json_build_object('value', brand, 'count', count) order by count desc, brand), '[]')
         from (select g.brand, sum(g.count)::int as count from groups g group by g.brand) r) as brands
    from groups g`);
  return row as Summary;
}
