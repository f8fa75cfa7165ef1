import { sql } from "drizzle-orm";
import { requireAdmin, withTransaction, type ServiceContext } from "../context";
import { notFound } from "../errors";
import type { ImageAltInput } from "./admin-schemas";
import { announceProductChanged } from "./announce-product-changed";

/** Sets an image's alt text; search shows the first image's, so its product is announced. */
export async function setImageAlt(ctx: ServiceContext, input: ImageAltInput): Promise<{ id: number; alt: string }> {
  requireAdmin(ctx);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db.execute<{ productId: number }>(sql`
      update product_images set alt = ${input.alt} where id = ${input.id} returning product_id as "productId"`);
    if (!row) throw notFound("Image");
    await announceProductChanged(tx, [row.productId]);
    return { id: input.id, alt: input.alt };
  });
}
