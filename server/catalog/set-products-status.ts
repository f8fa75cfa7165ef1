import { sql } from "drizzle-orm";
import { requireAdmin, withTransaction, type ServiceContext } from "../context";
import { notFound } from "../errors";
import type { ProductStatus, SetProductsStatusInput } from "./admin-schemas";
import { announceProductChanged } from "./announce-product-changed";

/**
 * The bulk action of the product list: one statement gives every selected product the status, in one transaction with
 * a product.changed event for each product whose status changed (search adds or drops it). Products already in that
 * status keep their updated_at; an id that names no product fails the whole action.
 */
export async function setProductsStatus(ctx: ServiceContext, input: SetProductsStatusInput): Promise<{ status: ProductStatus; changed: number[] }> {
  requireAdmin(ctx);
  const ids = [...new Set(input.ids)];
  return withTransaction(ctx, async (tx) => {
    const rows = await tx.db.execute<{ id: number; changed: boolean }>(sql`
      with target as (select id, status <> ${input.status}::product_status as changed from products
                       where id = any(${`{${ids.join(",")}}`}::int[]) order by id for no key update)
      update products p set status = ${input.status}::product_status, updated_at = case when t.changed then now() else p.updated_at end
        from target t where p.id = t.id
      returning p.id, t.changed`);
    if (rows.length !== ids.length) throw notFound(`${ids.length - rows.length} of the selected products`);
    const changed = rows.filter((r) => r.changed).map((r) => r.id).sort((a, b) => a - b);
    await announceProductChanged(tx, changed);
    return { status: input.status, changed };
  });
}
