import { and, desc, eq, lt } from "drizzle-orm";
import { orders, products, stockMovements, users, variants, warehouses } from "@/db/schema";
import { requireAdmin, type ServiceContext } from "../context";
import { notFound } from "../errors";
import type { StockHistoryInput } from "./schemas";

/**
 * A variant's stock ledger, newest first, a page at a time (`before`: the last id seen): what moved where, why, with
 * whose note, by whom (the admin's email) or for which order.
 */
export async function listStockMovements(ctx: ServiceContext, input: StockHistoryInput) {
  requireAdmin(ctx);
  const [variant] = await ctx.db
    .select({ id: variants.id, sku: variants.sku, title: variants.title, productId: products.id, productTitle: products.title })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .where(eq(variants.id, input.variantId));
  if (!variant) throw notFound("Variant");
  const items = await ctx.db
    .select({
      id: stockMovements.id,
      warehouse: warehouses.name,
      onHandDelta: stockMovements.onHandDelta,
      reservedDelta: stockMovements.reservedDelta,
      reason: stockMovements.reason,
      note: stockMovements.note,
      actorId: stockMovements.actorId,
      actorEmail: users.email,
      orderId: stockMovements.orderId,
      orderNumber: orders.number,
      createdAt: stockMovements.createdAt,
    })
    .from(stockMovements)
    .innerJoin(warehouses, eq(warehouses.id, stockMovements.warehouseId))
    .leftJoin(users, eq(users.id, stockMovements.actorId))
    .leftJoin(orders, eq(orders.id, stockMovements.orderId))
    .where(and(eq(stockMovements.variantId, input.variantId), input.before ? lt(stockMovements.id, input.before) : undefined))
    .orderBy(desc(stockMovements.id))
    .limit(input.limit + 1);
  const more = items.length > input.limit;
  const page = items.slice(0, input.limit);
  return { variant, items: page, nextBefore: more ? page.at(-1)!.id : null };
}
