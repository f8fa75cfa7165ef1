import { eq, sql } from "drizzle-orm";
import { products } from "@/db/schema";
import { requireAdmin, withTransaction, type ServiceContext } from "../context";
import { notFound } from "../errors";
import type { UpdateProductInput } from "./admin-schemas";
import { recordAudit } from "../audit/recorder";
import { announceProductChanged } from "./announce-product-changed";
import { assertStaffKeepsPrices, productAuditState } from "./product-audit";
import { assertCategory, onDuplicate, productColumns, saveProductChildren, slugTaken } from "./save-variants";

/** Replaces a product's fields, options and images and syncs its variants to the list given; staff may not change prices. */
export async function updateProduct(ctx: ServiceContext, input: UpdateProductInput): Promise<{ id: number; slug: string }> {
  requireAdmin(ctx);
  const { id, ...product } = input;
  return withTransaction(ctx, async (tx) => {
    await assertCategory(tx, product.categoryId);
    const before = await productAuditState(tx.db, id);
    if (!before) throw notFound("Product");
    assertStaffKeepsPrices(ctx, before, product.variants);
    // Updating the product row first locks it, so concurrent edits of one product run one after the other.
    const [row] = await onDuplicate("products_slug_key", slugTaken, () =>
      tx.db
        .update(products)
        .set({ ...productColumns(product), updatedAt: sql`now()` })
        .where(eq(products.id, id))
        .returning({ id: products.id, slug: products.slug }),
    );
    if (!row) throw notFound("Product");
    await saveProductChildren(tx, id, product);
    await announceProductChanged(tx, [id]);
    await recordAudit(tx, { targetType: "product", targetId: id, before, after: await productAuditState(tx.db, id) });
    return row;
  });
}
