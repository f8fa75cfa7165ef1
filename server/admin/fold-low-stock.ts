import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";

/**
 * Judges again the variants whose stock, threshold, product or warehouses changed since the last fold, so that
 * low_stock_variants holds exactly the low-stock variants (migration low_stock_variants). It writes, so it runs in a
 * short transaction of its own before the dashboard's read-only snapshot; it waits only for another fold, never for a
 * stock writer, and no stock writer waits for it.
 */
export async function foldLowStock(ctx: ServiceContext): Promise<void> {
  await ctx.db.execute(sql`select fold_low_stock_changes()`);
}
