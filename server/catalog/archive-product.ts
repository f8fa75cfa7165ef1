import { eq, sql } from "drizzle-orm";
import { products } from "@/db/schema";
import { requireAdmin, type ServiceContext } from "../context";
import { notFound } from "../errors";
import type { ProductIdInput } from "./admin-schemas";

/** Takes a product off the shop. Archiving an archived product changes nothing, not even updated_at. */
export async function archiveProduct(ctx: ServiceContext, input: ProductIdInput): Promise<{ id: number; status: "archived" }> {
  requireAdmin(ctx);
  const [row] = await ctx.db
    .update(products)
    .set({
      status: "archived",
      updatedAt: sql`case when ${products.status} = 'archived' then ${products.updatedAt} else now() end`,
    })
    .where(eq(products.id, input.id))
    .returning({ id: products.id });
  if (!row) throw notFound("Product");
  return { id: row.id, status: "archived" };
}
