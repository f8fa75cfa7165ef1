import { sql } from "drizzle-orm";
import type { RenderedEmail } from "@/emails";
import { renderEmail } from "../notifications/render-email";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { absoluteUrl, shopIdentity } from "../notifications/shop-identity";

/** The admins' low-stock email of one crossing (subject `<variantId>:<crossing>`), with the variant's stock as it is now. */
export async function renderLowStock(ctx: ServiceContext, subjectId: string): Promise<RenderedEmail> {
  const variantId = Number(subjectId.split(":")[0]);
  const [item] = await ctx.db.execute<{ sku: string; productTitle: string; variantTitle: string; available: number; threshold: number }>(sql`
    select v.sku, p.title as "productTitle", v.title as "variantTitle",
           coalesce((select sum(s.on_hand - s.reserved) from stock_levels s join warehouses w on w.id = s.warehouse_id
                      where s.variant_id = v.id and w.active), 0)::int as available,
           coalesce(vs.low_stock_threshold, d.default_low_stock_threshold) as threshold
      from variants v
      join products p on p.id = v.product_id
     cross join inventory_settings d
      left join variant_stock_settings vs on vs.variant_id = v.id
     where v.id = ${Number.isSafeInteger(variantId) ? variantId : 0}`);
  if (!item) throw notFound("Variant");
  return renderEmail("admin-low-stock", {
    shop: shopIdentity(),
    items: [{ ...item, warehouse: "All active warehouses" }],
    inventoryUrl: absoluteUrl(`/admin/inventory/${variantId}`),
  });
}
