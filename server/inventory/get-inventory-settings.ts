import { inventorySettings } from "@/db/schema";
import { requireAdmin, type ServiceContext } from "../context";

export async function getInventorySettings(ctx: ServiceContext): Promise<{ defaultLowStockThreshold: number }> {
  requireAdmin(ctx);
  const [row] = await ctx.db.select({ defaultLowStockThreshold: inventorySettings.defaultLowStockThreshold }).from(inventorySettings);
  return row ?? { defaultLowStockThreshold: 5 };
}
