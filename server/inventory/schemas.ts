import { z } from "zod";
import { INT4_MAX } from "../limits";

const Id = z.int().positive().max(INT4_MAX);
/** Units on hand in one warehouse: what stock_levels.on_hand (int4) holds. */
export const Units = z.int({ error: "Enter a whole number of units" }).min(0, { error: "Units cannot be negative" }).max(INT4_MAX, { error: `At most ${INT4_MAX} units` });
const note = z.string().trim().max(500, { error: "The note must be at most 500 characters" }).optional();

/** Why an admin moved stock by hand; transfers, imports, checkout and the opening balance write their own reasons. */
export const AdjustReason = z.enum(["received", "damaged", "lost", "returned", "count correction"]);
export type AdjustReason = z.infer<typeof AdjustReason>;

export const StockFilter = z.enum(["low", "out"]);
export type StockFilter = z.infer<typeof StockFilter>;

export const ListStockLevelsInput = z
  .object({
    q: z.string().trim().max(200).optional(),
    filter: StockFilter.optional(),
    warehouseId: Id.optional(),
    variantId: Id.optional(),
    page: z.int().min(1).max(10_000).default(1),
    pageSize: z.int().min(1).max(100).default(50),
  })
  .strict();
export type ListStockLevelsInput = z.infer<typeof ListStockLevelsInput>;

export const AdjustStockInput = z
  .object({
    variantId: Id,
    warehouseId: Id,
    delta: z
      .int({ error: "Enter a whole number of units" })
      .min(-INT4_MAX, { error: `At most ${INT4_MAX} units` })
      .max(INT4_MAX, { error: `At most ${INT4_MAX} units` })
      .refine((n) => n !== 0, { error: "Enter a change other than 0" }),
    reason: AdjustReason,
    note,
  })
  .strict();
export type AdjustStockInput = z.infer<typeof AdjustStockInput>;

export const SetOnHandInput = z.object({ variantId: Id, warehouseId: Id, onHand: Units, reason: AdjustReason, note }).strict();
export type SetOnHandInput = z.infer<typeof SetOnHandInput>;

export const TransferStockInput = z
  .object({ variantId: Id, fromWarehouseId: Id, toWarehouseId: Id, quantity: Units.min(1, { error: "Transfer at least 1 unit" }), note })
  .strict();
export type TransferStockInput = z.infer<typeof TransferStockInput>;

export const StockHistoryInput = z
  .object({ variantId: Id, before: Id.optional(), limit: z.int().min(1).max(200).default(50) })
  .strict();
export type StockHistoryInput = z.infer<typeof StockHistoryInput>;

export const VariantIdInput = z.object({ variantId: Id }).strict();

/** null: the shop's default threshold applies. */
export const SetLowStockThresholdInput = z.object({ variantId: Id, threshold: Units.nullable() }).strict();
export type SetLowStockThresholdInput = z.infer<typeof SetLowStockThresholdInput>;

export const SetDefaultThresholdInput = z.object({ threshold: Units }).strict();

const warehouseName = z.string().trim().min(1, { error: "Name is required" }).max(100, { error: "Name must be at most 100 characters" });
export const CreateWarehouseInput = z
  .object({
    code: z
      .string()
      .trim()
      .min(1, { error: "Code is required" })
      .max(32, { error: "Code must be at most 32 characters" })
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "Code may contain lower-case letters, digits and dashes" }),
    name: warehouseName,
  })
  .strict();
export type CreateWarehouseInput = z.infer<typeof CreateWarehouseInput>;

export const UpdateWarehouseInput = z.object({ id: Id, name: warehouseName, active: z.boolean() }).strict();
export type UpdateWarehouseInput = z.infer<typeof UpdateWarehouseInput>;

/** 1 MB of CSV: about 20,000 rows. The route's body cap sits just above it. */
export const MAX_CSV_CHARS = 1_000_000;
export const ImportStockCsvInput = z
  .object({ csv: z.string().max(MAX_CSV_CHARS, { error: `The file must be at most ${MAX_CSV_CHARS} characters` }), dryRun: z.boolean() })
  .strict();
export type ImportStockCsvInput = z.infer<typeof ImportStockCsvInput>;
