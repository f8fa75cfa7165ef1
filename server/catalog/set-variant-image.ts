import { sql } from "drizzle-orm";
import { requireAdmin, type ServiceContext } from "../context";
import { invalid, notFound } from "../errors";
import type { VariantImageInput } from "./admin-schemas";

/**
 * Gives a variant its own image, one of its product's (checked in the same statement), or takes it away (null). The
 * product page reads it live and search documents do not hold it, so nothing is announced.
 */
export async function setVariantImage(ctx: ServiceContext, input: VariantImageInput): Promise<VariantImageInput> {
  requireAdmin(ctx);
  const [row] = await ctx.db.execute<{ productId: number; updated: boolean }>(sql`
      with variant as (select id, product_id from variants where id = ${input.variantId}),
      changed as (
        update variants v set image_id = ${input.imageId}::int from variant
         where v.id = variant.id
           and (${input.imageId}::int is null or exists (select 1 from product_images i where i.id = ${input.imageId}::int and i.product_id = variant.product_id))
        returning v.id
      )
      select variant.product_id as "productId", exists (select 1 from changed) as updated from variant`);
  if (!row) throw notFound("Variant");
  if (!row.updated) throw invalid("Choose one of this product's images", { imageId: "That image belongs to another product" });
  return input;
}
