import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import { categories, productImages, productOptions, stockLevels, variants, warehouses } from "@/db/schema";
import { requireAdmin, type ServiceContext } from "../context";
import { lockStockFor, moveStock, type StockChange } from "../inventory/move-stock";
import { conflict, foreignKeyViolation, invalid, notFound, uniqueViolation, type DomainError } from "../errors";
import type { ProductInput } from "./admin-schemas";

/** Runs `work` and turns a unique violation of `constraint` into `error`: the database decides, so two racing writers cannot both win. */
export async function onDuplicate<T>(constraint: string, error: () => DomainError, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (cause) {
    if (uniqueViolation(cause) === constraint) throw error();
    throw cause;
  }
}

export const slugTaken = () => conflict("That slug is taken", { slug: "That slug is taken" });

export function productColumns(input: ProductInput) {
  const { slug, title, description, brand, categoryId, status, requiresShipping, attributes } = input;
  return { slug, title, description, brand, categoryId, status, requiresShipping, attributes };
}

/** Rejects an unknown category as a field error and keeps it from being deleted until this transaction ends. */
export async function assertCategory(ctx: ServiceContext, categoryId: number): Promise<void> {
  const [row] = await ctx.db.select({ id: categories.id }).from(categories).where(eq(categories.id, categoryId)).for("key share");
  if (!row) throw invalid("Choose an existing category", { categoryId: "That category does not exist" });
}

/**
 * Writes a product's options, images (when given) and variants (variants with an id are updated, new ones inserted with their
 * initial stock, missing ones deleted), then refreshes products.price_min/price_max/currency. Call inside a transaction.
 */
export async function saveProductChildren(ctx: ServiceContext, productId: number, input: ProductInput): Promise<void> {
  const { db } = ctx;
  await db.delete(productOptions).where(eq(productOptions.productId, productId));
  if (input.options.length > 0) {
    await db
      .insert(productOptions)
      .values(input.options.map((option, position) => ({ productId, name: option.name, values: option.values, position })));
  }
  if (input.images) {
    await db.delete(productImages).where(eq(productImages.productId, productId));
    if (input.images.length > 0) await db.insert(productImages).values(input.images.map((image, position) => ({ productId, ...image, position })));
  }
  await saveVariants(ctx, productId, input.variants);
  await db.execute(sql`
    update products
       set price_min = agg.lo, price_max = agg.hi, currency = coalesce(agg.currency, products.currency)
      from (select min(price_amount) as lo, max(price_amount) as hi, min(currency) as currency
              from variants where product_id = ${productId}) as agg
     where products.id = ${productId}`);
}

async function saveVariants(ctx: ServiceContext, productId: number, list: ProductInput["variants"]): Promise<void> {
  const { db } = ctx;
  const kept = list.flatMap((variant) => (variant.id === undefined ? [] : [variant.id]));
  // Deleting first frees the SKUs of removed variants for the variants written below.
  try {
    await db.delete(variants).where(and(eq(variants.productId, productId), notInArray(variants.id, kept)));
  } catch (cause) {
    if (!foreignKeyViolation(cause)) throw cause;
    throw conflict("A variant you removed has been ordered, so it must stay: keep it, or archive the product instead", {
      variants: "Ordered variants cannot be removed",
    });
  }

  const created: number[] = [];
  const initialStock: StockChange[] = [];
  for (const [position, { id, initialStock: stock, ...variant }] of list.entries()) {
    const values = { ...variant, compareAtAmount: variant.compareAtAmount ?? null, position };
    const message = `SKU ${variant.sku} is already used`;
    const skuTaken = () => conflict(message, { [`variants.${position}.sku`]: message });
    await onDuplicate("variants_sku_key", skuTaken, async () => {
      if (id === undefined) {
        const rows = await db.insert(variants).values({ productId, ...values }).returning({ id: variants.id });
        created.push(...rows.map((row) => row.id));
        for (const s of stock ?? []) initialStock.push({ variantId: rows[0]!.id, warehouseId: s.warehouseId, onHandDelta: s.onHand });
        return;
      }
      const rows = await db
        .update(variants)
        .set(values)
        .where(and(eq(variants.id, id), eq(variants.productId, productId)))
        .returning({ id: variants.id });
      if (rows.length === 0) throw notFound(`Variant ${id} of this product`);
    });
  }

  if (created.length > 0) {
    await db.execute(sql`
      insert into ${stockLevels} (variant_id, warehouse_id)
      select ${variants.id}, ${warehouses.id} from ${variants} cross join ${warehouses}
       where ${inArray(variants.id, created)}
      on conflict do nothing`);
  }
  const counted = initialStock.filter((s) => s.onHandDelta > 0);
  if (counted.length > 0) {
    await lockStockFor(ctx, counted);
    await moveStock(ctx, counted, { reason: "received", note: "initial stock", actorId: requireAdmin(ctx) });
  }
}
