import { eq } from "drizzle-orm";
import { inventorySettings, variantStockSettings, variants } from "@/db/schema";
import { requireAdmin, withTransaction, type ServiceContext } from "../context";
import { notFound } from "../errors";
import { lockStockLevels } from "./lock-stock";
import type { SetLowStockThresholdInput } from "./schemas";
import { trackLowStock } from "./track-low-stock";

/**
 * A variant's own low-stock threshold (null: the shop's default). The alert state is judged again at once: a threshold
 * raised above what is available alerts, one lowered below it arms the alert for the next crossing.
 */
export async function setLowStockThreshold(ctx: ServiceContext, input: SetLowStockThresholdInput): Promise<{ variantId: number; threshold: number | null }> {
  requireAdmin(ctx);
  return withTransaction(ctx, async (tx) => {
    const [variant] = await tx.db.select({ id: variants.id }).from(variants).where(eq(variants.id, input.variantId)).for("key share");
    if (!variant) throw notFound("Variant");
    await lockStockLevels(tx, [input.variantId]);
    await tx.db
      .insert(variantStockSettings)
      .values({ variantId: input.variantId, lowStockThreshold: input.threshold })
      .onConflictDoUpdate({ target: variantStockSettings.variantId, set: { lowStockThreshold: input.threshold } });
    await trackLowStock(tx, [input.variantId], { restocked: [input.variantId] });
    return { variantId: input.variantId, threshold: input.threshold };
  });
}

/** The threshold of every variant without its own; it applies from each variant's next stock change. */
export async function setDefaultLowStockThreshold(ctx: ServiceContext, input: { threshold: number }): Promise<{ threshold: number }> {
  requireAdmin(ctx);
  await ctx.db.update(inventorySettings).set({ defaultLowStockThreshold: input.threshold });
  return input;
}
