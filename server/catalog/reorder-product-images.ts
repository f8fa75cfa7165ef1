import { sql } from "drizzle-orm";
import { requireAdmin, withTransaction, type ServiceContext } from "../context";
import { invalid } from "../errors";
import type { ReorderImagesInput } from "./admin-schemas";
import { announceProductChanged } from "./announce-product-changed";
import { reorderExactly } from "./reorder-exactly";

/**
 * Puts a product's images in the order given; refused unless the list names exactly that product's images. The first
 * image is the one search shows, so the product is announced.
 */
export async function reorderProductImages(ctx: ServiceContext, input: ReorderImagesInput): Promise<{ ids: number[] }> {
  requireAdmin(ctx);
  return withTransaction(ctx, async (tx) => {
    if (!(await reorderExactly(tx, "product_images", sql`product_id = ${input.productId}`, input.ids))) {
      throw invalid("The list must name every image of the product exactly once; reload and try again");
    }
    await announceProductChanged(tx, [input.productId]);
    return { ids: input.ids };
  });
}
