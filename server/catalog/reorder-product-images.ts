import { sql } from "drizzle-orm";
import { requireAdmin, withTransaction, type ServiceContext } from "../context";
import { invalid } from "../errors";
import type { ReorderImagesInput } from "./admin-schemas";
import { announceProductChanged } from "./announce-product-changed";

/**
 * Puts a product's images in the order given, in one statement that changes nothing unless the list names exactly
 * that product's images (one added or removed meanwhile makes it refuse). The first image is the one search shows.
 */
export async function reorderProductImages(ctx: ServiceContext, input: ReorderImagesInput): Promise<{ ids: number[] }> {
  requireAdmin(ctx);
  const ids = `{${input.ids.join(",")}}`;
  return withTransaction(ctx, async (tx) => {
    const rows = await tx.db.execute<{ id: number }>(sql`
      with images as (select id from product_images where product_id = ${input.productId} for no key update),
      exact as (
        select 1 where (select count(*) from images) = cardinality(${ids}::int[])
                   and (select count(*) from images where id = any(${ids}::int[])) = cardinality(${ids}::int[])
      )
      update product_images i set position = o.n - 1
        from unnest(${ids}::int[]) with ordinality as o(id, n)
       where i.id = o.id and exists (select 1 from exact)
      returning i.id`);
    if (rows.length !== input.ids.length) throw invalid("The list must name every image of the product exactly once; reload and try again");
    await announceProductChanged(tx, [input.productId]);
    return { ids: input.ids };
  });
}
