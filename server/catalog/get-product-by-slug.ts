import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { visibleProduct } from "./product-filters";
import type { ProductBySlugInput, ProductDetail } from "./schemas";

/**
 * One statement: the product with its category path, options, images and variants as JSON. A variant's `available` counts
 * active warehouses only: a deactivated one keeps its stock on the books but takes no reservations (lockStock).
 */
export async function getProductBySlug(ctx: ServiceContext, input: ProductBySlugInput): Promise<ProductDetail> {
  const [row] = await ctx.db.execute<ProductDetail & Record<string, unknown>>(sql`
    select p.id, p.slug, p.title, p.description, p.brand, p.attributes, p.currency::text as currency,
      p.price_min as "priceMin", p.price_max as "priceMax",
      json_build_object('slug', c.slug, 'name', c.name) as category,
      (
        with recursive path as (
          select id, parent_id, slug, name, 0 as depth from categories where id = p.category_id
          union all
          select a.id, a.parent_id, a.slug, a.name, path.depth + 1 from categories a join path on a.id = path.parent_id
        )
        select json_agg(json_build_object('slug', slug, 'name', name) order by depth desc) from path
      ) as breadcrumbs,
      coalesce((
        select json_agg(json_build_object('name', o.name, 'values', o.values) order by o.position, o.id)
        from product_options o where o.product_id = p.id
      ), '[]') as options,
      coalesce((
        select json_agg(json_build_object('url', i.url, 'alt', i.alt) order by i.position, i.id)
        from product_images i where i.product_id = p.id
      ), '[]') as images,
      coalesce((
        select json_agg(json_build_object(
          'id', v.id, 'sku', v.sku, 'title', v.title, 'optionValues', v.option_values,
          'priceAmount', v.price_amount, 'currency', v.currency, 'compareAtAmount', v.compare_at_amount,
          'available', coalesce((select sum(s.on_hand - s.reserved) from stock_levels s join warehouses w on w.id = s.warehouse_id
                                   where s.variant_id = v.id and w.active), 0),
          'imageUrl', vi.url, 'imageAlt', vi.alt
        ) order by v.position, v.id)
        from variants v left join product_images vi on vi.id = v.image_id where v.product_id = p.id
      ), '[]') as variants
    from products p join categories c on c.id = p.category_id
    where p.slug = ${input.slug} and ${visibleProduct}`);
  if (!row) throw notFound("product");
  return row;
}
