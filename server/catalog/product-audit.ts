import { asc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { products, variants } from "@/db/schema";
import type { ServiceContext } from "../context";
import { DomainError } from "../errors";
import type { UpdateProductInput } from "./admin-schemas";

/**
 * The fields of a product the audit log shows before and after an edit, prices included. Locks the product row, so the
 * prices staff are checked against cannot change before their edit is written.
 */
export async function productAuditState(db: Db | Tx, productId: number) {
  const [product] = await db
    .select({ slug: products.slug, title: products.title, status: products.status, categoryId: products.categoryId, brand: products.brand })
    .from(products)
    .where(eq(products.id, productId))
    .for("update");
  if (!product) return null;
  const rows = await db
    .select({ id: variants.id, sku: variants.sku, title: variants.title, priceAmount: variants.priceAmount, compareAtAmount: variants.compareAtAmount, currency: variants.currency })
    .from(variants)
    .where(eq(variants.productId, productId))
    .orderBy(asc(variants.position), asc(variants.id));
  return { ...product, variants: Object.fromEntries(rows.map(({ id, ...variant }) => [id, variant])) };
}

type State = NonNullable<Awaited<ReturnType<typeof productAuditState>>>;

/** Staff may edit a product but not its prices: no new variant (it would bring a price) and every price as it was. */
export function assertStaffKeepsPrices(ctx: ServiceContext, before: State, next: UpdateProductInput["variants"]): void {
  if (ctx.actor.type !== "admin" || ctx.actor.role !== "staff") return;
  const changed = next.some((variant) => {
    const old = variant.id === undefined ? undefined : before.variants[variant.id];
    return !old || old.priceAmount !== variant.priceAmount || old.currency !== variant.currency || old.compareAtAmount !== (variant.compareAtAmount ?? null);
  });
  if (changed) throw new DomainError("Forbidden", "staff cannot change prices or add variants: ask an admin");
}
