import { sql } from "drizzle-orm";
import { requireAdmin, type ServiceContext } from "../context";
import { STOCK_CSV_HEADER, toCsv } from "./stock-csv";

/** Every stock level as CSV (sku, warehouse code, on hand), the file importStockCsv reads back. */
export async function exportStockCsv(ctx: ServiceContext): Promise<{ filename: string; csv: string }> {
  requireAdmin(ctx);
  const rows = await ctx.db.execute<{ sku: string; code: string; onHand: number }>(sql`
    select v.sku, w.code, s.on_hand as "onHand"
      from stock_levels s join variants v on v.id = s.variant_id join warehouses w on w.id = s.warehouse_id
     order by v.sku, w.code`);
  const date = new Date().toISOString().slice(0, 10);
  return { filename: `stock-${date}.csv`, csv: toCsv([[...STOCK_CSV_HEADER], ...rows.map((r) => [r.sku, r.code, r.onHand])]) };
}
