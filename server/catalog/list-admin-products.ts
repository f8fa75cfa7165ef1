import { and, count, desc, eq, exists, ilike, or, sql, type SQL } from "drizzle-orm";
import { products, variants } from "@/db/schema";
import { requireAdmin, type ServiceContext } from "../context";
import type { ListAdminProductsInput, ProductStatus } from "./admin-schemas";

export interface AdminProductRow {
  id: number;
  slug: string;
  title: string;
  brand: string;
  status: ProductStatus;
  priceMin: number | null;
  currency: string;
  variantCount: number;
  updatedAt: Date;
}

/** The admin product table: every status, searched by title, slug or SKU, most recently edited first. */
export async function listAdminProducts(
  ctx: ServiceContext,
  input: ListAdminProductsInput,
): Promise<{ items: AdminProductRow[]; total: number }> {
  requireAdmin(ctx);
  const { db } = ctx;
  const filters: (SQL | undefined)[] = [input.status ? eq(products.status, input.status) : undefined];
  if (input.q) {
    const pattern = `%${input.q.replace(/[\\%_]/g, "\\$&")}%`;
    const skuMatch = db
      .select({ one: sql`1` })
      .from(variants)
      .where(and(eq(variants.productId, products.id), ilike(variants.sku, pattern)));
    filters.push(or(ilike(products.title, pattern), ilike(products.slug, pattern), exists(skuMatch)));
  }
  const where = and(...filters);

  const items = await db
    .select({
      id: products.id,
      slug: products.slug,
      title: products.title,
      brand: products.brand,
      status: products.status,
      priceMin: products.priceMin,
      currency: products.currency,
      // Plain SQL: drizzle leaves columns unqualified in a single-table select, which would make `id` mean variants.id here.
      variantCount: sql<number>`(select count(*)::int from variants v where v.product_id = products.id)`,
      updatedAt: products.updatedAt,
    })
    .from(products)
    .where(where)
    .orderBy(desc(products.updatedAt), desc(products.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const [totals] = await db.select({ total: count() }).from(products).where(where);
  return { items, total: totals?.total ?? 0 };
}
