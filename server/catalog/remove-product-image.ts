import { sql } from "drizzle-orm";
import { requireAdmin, withTransaction, type ServiceContext } from "../context";
import { notFound } from "../errors";
import { fileStorage } from "../storage/storage-for";
import type { ImageIdInput } from "./admin-schemas";
import { announceProductChanged } from "./announce-product-changed";

/**
 * Removes an image; variants that showed it fall back to the product's images (the foreign key sets them null). An
 * uploaded file is deleted from the storage once the row is gone for good (after the commit).
 */
export async function removeProductImage(ctx: ServiceContext, input: ImageIdInput): Promise<{ id: number }> {
  requireAdmin(ctx);
  const removed = await withTransaction(ctx, async (tx) => {
    const [row] = await tx.db.execute<{ productId: number; storageKey: string | null }>(sql`
      delete from product_images where id = ${input.id} returning product_id as "productId", storage_key as "storageKey"`);
    if (!row) throw notFound("Image");
    await announceProductChanged(tx, [row.productId]);
    return row;
  });
  if (removed.storageKey && !ctx.inTransaction) await (ctx.storage ?? fileStorage()).delete(removed.storageKey);
  return { id: input.id };
}
