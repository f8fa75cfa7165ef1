import { eq, sql } from "drizzle-orm";
import { products } from "@/db/schema";
import { requireAdmin, withTransaction, type ServiceContext } from "../context";
import { notFound } from "../errors";
import type { ProductIdInput } from "./admin-schemas";
import { announceProductChanged } from "./announce-product-changed";

/** Takes a product off the shop. Archiving an archived product changes nothing, not even updated_at. */
export async function archiveProduct(ctx: ServiceContext, input: ProductIdInput): Promise<{ id: number; status: "archived" }> {
  requireAdmin(ctx);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .update(products)
      .set({
        status: "archived",
        updatedAt: sql`case when ${products.status} = 'archived' then ${products.updatedAt} else now() end`,
      })
      .where(eq(products.id, input.id))
      .returning({ id: products.id });
    if (!row) throw notFound("Product");
    await announceProductChanged(tx, [row.id]);
    return { id: row.id, status: "archived" as const };
  });
}
