import { inArray } from "drizzle-orm";
import { variants, warehouses } from "@/db/schema";
import { requireAdmin, withTransaction, type ServiceContext } from "../context";
import { INT4_MAX } from "../limits";
import { lockStockFor, moveStock } from "./move-stock";
import type { ImportStockCsvInput } from "./schemas";
import { parseCsv, STOCK_CSV_HEADER } from "./stock-csv";

export interface ImportRow {
  line: number;
  sku: string;
  warehouse: string;
  onHand: number | null;
  /** On hand now, and the change the import makes; null on a row with an error. */
  current: number | null;
  change: number | null;
  error: string | null;
}

export interface ImportResult {
  rows: ImportRow[];
  errors: number;
  imported: boolean;
}

const MAX_ROWS = 20_000;

/**
 * Reads a stock CSV (sku, warehouse code, on hand) and previews it row by row: what each row would change, or why it
 * cannot. With `dryRun: false` and no row in error, every count is set in one transaction (ledger reason "import");
 * a file with any bad row imports nothing.
 */
export async function importStockCsv(ctx: ServiceContext, input: ImportStockCsvInput): Promise<ImportResult> {
  const actorId = requireAdmin(ctx);
  const [header, ...lines] = parseCsv(input.csv);
  const fileError = (error: string): ImportResult => ({ rows: [{ line: 1, sku: "", warehouse: "", onHand: null, current: null, change: null, error }], errors: 1, imported: false });
  if (!header || header.cells.map((c) => c.trim().toLowerCase()).join(",") !== STOCK_CSV_HEADER.join(",")) {
    return fileError(`The first line must be the header ${STOCK_CSV_HEADER.join(",")}`);
  }
  if (lines.length === 0) return fileError("The file has no rows");
  if (lines.length > MAX_ROWS) return fileError(`At most ${MAX_ROWS} rows per file`);

  return withTransaction(ctx, async (tx) => {
    const skus = [...new Set(lines.map((l) => (l.cells[0] ?? "").trim()))];
    const variantBySku = new Map((await tx.db.select({ id: variants.id, sku: variants.sku }).from(variants).where(inArray(variants.sku, skus))).map((v) => [v.sku, v.id]));
    const warehouseByCode = new Map((await tx.db.select({ id: warehouses.id, code: warehouses.code }).from(warehouses)).map((w) => [w.code, w.id]));
    const seen = new Map<string, number>();
    const target = new Map<ImportRow, { variantId: number; warehouseId: number }>();
    const rows: ImportRow[] = lines.map(({ line, cells }) => {
      const [sku = "", warehouse = "", count = ""] = cells.map((c) => c.trim());
      const row = { line, sku, warehouse, onHand: /^\d{1,10}$/.test(count) ? Number(count) : null, current: null, change: null };
      const variantId = variantBySku.get(sku);
      const warehouseId = warehouseByCode.get(warehouse);
      const first = seen.get(`${sku}|${warehouse}`);
      const error =
        cells.length !== 3 ? `Expected 3 cells, found ${cells.length}`
        : !variantId ? `Unknown SKU "${sku}"`
        : !warehouseId ? `Unknown warehouse code "${warehouse}"`
        : row.onHand === null || row.onHand > INT4_MAX ? `On hand must be a whole number from 0 to ${INT4_MAX}, not "${count}"`
        : first !== undefined ? `Repeats line ${first}`
        : null;
      seen.set(`${sku}|${warehouse}`, first ?? line);
      const parsed = { ...row, error };
      if (!error) target.set(parsed, { variantId: variantId!, warehouseId: warehouseId! });
      return parsed;
    });

    if (target.size > 0) {
      const level = await lockStockFor(tx, [...target.values()]);
      for (const [row, { variantId, warehouseId }] of target) {
        const { onHand, reserved } = level(variantId, warehouseId);
        if (row.onHand! < reserved) row.error = `${reserved} units are reserved by open orders: on hand cannot go below that`;
        else Object.assign(row, { current: onHand, change: row.onHand! - onHand });
      }
    }
    const errors = rows.filter((r) => r.error !== null).length;
    const imported = !input.dryRun && errors === 0;
    if (imported) {
      const changes = [...target].map(([row, pair]) => ({ ...pair, onHandDelta: row.change! }));
      await moveStock(tx, changes, { reason: "import", actorId });
    }
    return { rows, errors, imported };
  });
}
