import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import type { ServiceContext } from "../../context";
import { compareAtSql } from "../../catalog/list-products";
import { stockedVariants, visibleProduct } from "../../catalog/product-filters";

/**
 * One product as Meilisearch holds it: everything search filters, sorts, ranks and shows on a card, so a document is
 * always written whole from the database and never patched.
 */
export interface ProductDocument extends Record<string, unknown> {
  id: number;
  slug: string;
  title: string;
  brand: string;
  description: string;
  skus: string[];
  /** The product's category and every ancestor: a category filter matches its whole subtree. */
  categoryIds: number[];
  /** Each variant's options as `name=value`, once per product. */
  optionValues: string[];
  currency: string;
  priceMin: number;
  priceMax: number;
  compareAt: number | null;
  /** Cheapest and dearest variant per currency its variants are priced in. */
  prices: Record<string, { min: number; max: number }>;
  inStock: boolean;
  /** Units sold in paid orders. */
  popularity: number;
  /** created_at in epoch microseconds, the newest sort's key. */
  createdAt: number;
  imageUrl: string | null;
  imageAlt: string;
}

function documentsWhere(where: SQL) {
  return sql`
    with recursive ancestry as (
      select id as category_id, id as ancestor_id, 0 as depth from categories
      union all
      select a.category_id, c.parent_id, a.depth + 1 from ancestry a join categories c on c.id = a.ancestor_id where c.parent_id is not null
    )
    select p.id, p.slug, p.title, p.brand, p.description, p.currency::text as currency,
      p.price_min::float8 as "priceMin", p.price_max::float8 as "priceMax",
      (${compareAtSql(sql`p.id`, sql`p.price_min`)}) as "compareAt",
      (extract(epoch from p.created_at) * 1000000)::float8 as "createdAt",
      (select coalesce(array_agg(v.sku order by v.sku), '{}') from variants v where v.product_id = p.id) as skus,
      (select array_agg(a.ancestor_id order by a.depth desc) from ancestry a where a.category_id = p.category_id) as "categoryIds",
      (select coalesce(array_agg(distinct kv.key || '=' || kv.value), '{}')
         from variants v cross join lateral jsonb_each_text(v.option_values) kv where v.product_id = p.id) as "optionValues",
      (select jsonb_object_agg(currency, jsonb_build_object('min', lo, 'max', hi)) from (
         select v.currency::text as currency, min(v.price_amount) as lo, max(v.price_amount) as hi
           from variants v where v.product_id = p.id group by v.currency) pc) as prices,
      exists (select 1 ${stockedVariants} and sv.product_id = p.id) as "inStock",
      (select coalesce(sum(ol.quantity), 0)::int from order_lines ol join orders o on o.id = ol.order_id
         join variants v on v.id = ol.variant_id where v.product_id = p.id and o.status = 'paid') as popularity,
      img.url as "imageUrl", coalesce(img.alt, '') as "imageAlt"
    from products p
    left join lateral (select url, alt from product_images where product_id = p.id order by position, id limit 1) img on true
    where ${visibleProduct} and ${where}
    order by p.id`;
}

/** The documents of those of these products that the shop shows (active and priced); the others belong out of the index. */
export async function loadProductDocuments(ctx: ServiceContext, productIds: number[]): Promise<ProductDocument[]> {
  if (!productIds.length) return [];
  const rows = await ctx.db.execute<ProductDocument>(documentsWhere(sql`p.id = any(${`{${productIds.join(",")}}`}::int[])`));
  return [...rows];
}

/** A page of every visible product's document in id order, after `afterId`, for a full reindex or a drift check. */
export async function loadDocumentPage(ctx: ServiceContext, afterId: number, limit: number): Promise<ProductDocument[]> {
  const rows = await ctx.db.execute<ProductDocument>(sql`${documentsWhere(sql`p.id > ${afterId}`)} limit ${limit}`);
  return [...rows];
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export const DOCUMENT_FIELDS: (keyof ProductDocument)[] = [
  "id", "slug", "title", "brand", "description", "skus", "categoryIds", "optionValues", "currency",
  "priceMin", "priceMax", "compareAt", "prices", "inStock", "popularity", "createdAt", "imageUrl", "imageAlt",
];

/** A hash of a document's fields (key order ignored), equal for the database's and the index's copy when they agree. */
export function documentHash(doc: Record<string, unknown>): string {
  const fields = Object.fromEntries(DOCUMENT_FIELDS.map((f) => [f, doc[f] ?? null]));
  return createHash("sha256").update(canonical(fields)).digest("base64url").slice(0, 22);
}
