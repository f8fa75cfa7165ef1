import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { recordAudit } from "../audit/recorder";
import { requireAdmin, withTransaction, type ServiceContext } from "../context";
import { invalid, notFound } from "../errors";
import { fileStorage } from "../storage/storage-for";
import { announceProductChanged } from "./announce-product-changed";
import { sniffImageType } from "./sniff-image-type";

/** The largest image an admin may upload. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** Where the storefront reads an uploaded image (app/api/images). */
export const imageUrlFor = (key: string) => `/api/images/${key}`;

export interface ProductImageRow {
  id: number;
  url: string;
  alt: string;
  position: number;
}

/**
 * Stores an uploaded image in the file storage under a fresh key and adds it last to the product's images. The bytes
 * decide the type (sniffImageType); the file is written before the row, and removed again if the row cannot be.
 */
export async function uploadProductImage(ctx: ServiceContext, input: { productId: number; bytes: Uint8Array; alt?: string }): Promise<ProductImageRow> {
  requireAdmin(ctx);
  if (input.bytes.byteLength > MAX_IMAGE_BYTES) throw invalid(`An image may be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
  const type = sniffImageType(input.bytes);
  if (!type) throw invalid("Upload a JPEG, PNG, GIF, WebP or AVIF image");
  const storage = ctx.storage ?? fileStorage();
  const key = `products/${input.productId}/${randomUUID()}.${type.ext}`;
  await storage.put(key, input.bytes, type.contentType);
  try {
    return await withTransaction(ctx, async (tx) => {
      const [row] = await tx.db.execute<ProductImageRow & Record<string, unknown>>(sql`
        with product as (select id from products where id = ${input.productId} for no key update)
        insert into product_images (product_id, url, alt, position, storage_key)
        select p.id, ${imageUrlFor(key)}, ${input.alt ?? ""},
               coalesce((select max(position) + 1 from product_images where product_id = p.id), 0), ${key}
          from product p
        returning id, url, alt, position`);
      if (!row) throw notFound("Product");
      await recordAudit(tx, { targetType: "product", targetId: input.productId, after: { image: row } });
      await announceProductChanged(tx, [input.productId]);
      return row;
    });
  } catch (error) {
    await storage.delete(key);
    throw error;
  }
}
