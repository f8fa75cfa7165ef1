import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/**
 * Rows where the counts the triggers keep (category_brand_counts, option_value_counts) differ from a recount of the
 * visible products and their variants' options (none when the triggers hold). Rows counting nothing are left out.
 */
export async function facetCountsDrift(db: Db): Promise<unknown[]> {
  return db.execute(sql`
    with brand_recount as (
      select category_id, brand, currency, count(*)::int as products, count(*) filter (where stocked_levels > 0)::int as in_stock
        from products where status = 'active' and price_min is not null group by 1, 2, 3
    ),
    brand_kept as (select category_id, brand, currency, products, in_stock from category_brand_counts where products > 0 or in_stock > 0),
    option_recount as (
      select p.category_id, kv.key as name, kv.value, count(distinct p.id)::int as products
        from products p join variants v on v.product_id = p.id cross join lateral jsonb_each_text(v.option_values) kv
       where p.status = 'active' and p.price_min is not null group by 1, 2, 3
    ),
    option_kept as (select category_id, name, value, products from option_value_counts where products > 0)
    select 'brand' as facet, category_id, brand as value, k.products as kept, r.products as recount, k.in_stock as kept_in_stock, r.in_stock as recount_in_stock
      from brand_kept k full join brand_recount r using (category_id, brand, currency)
     where (k.products, k.in_stock) is distinct from (r.products, r.in_stock)
    union all
    select 'option', category_id, name || '=' || value, k.products, r.products, null, null
      from option_kept k full join option_recount r using (category_id, name, value)
     where k.products is distinct from r.products`);
}
