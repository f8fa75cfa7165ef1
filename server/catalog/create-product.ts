import { products } from "@/db/schema";
import { requireAdmin, withTransaction, type ServiceContext } from "../context";
import type { ProductInput } from "./admin-schemas";
import { announceProductChanged } from "./announce-product-changed";
import { assertCategory, onDuplicate, productColumns, saveProductChildren, slugTaken } from "./save-variants";

/** Creates a product with its options, variants (each with empty stock in every warehouse) and images. */
export async function createProduct(ctx: ServiceContext, input: ProductInput): Promise<{ id: number; slug: string }> {
  requireAdmin(ctx);
  return withTransaction(ctx, async (tx) => {
    await assertCategory(tx, input.categoryId);
    const [row] = await onDuplicate("products_slug_key", slugTaken, () =>
      tx.db.insert(products).values(productColumns(input)).returning({ id: products.id, slug: products.slug }),
    );
    // An insert without conflict clause returns its row or throws.
    const created = row!;
    await saveProductChildren(tx, created.id, input);
    await announceProductChanged(tx, [created.id]);
    return created;
  });
}
