import { requireAdmin, withTransaction, type ServiceContext } from "../context";
import { lockStockFor, moveStock } from "./move-stock";
import type { AdjustStockInput, SetOnHandInput } from "./schemas";

export interface StockRow {
  variantId: number;
  warehouseId: number;
  onHand: number;
  reserved: number;
}

/** Moves a variant's on-hand stock in one warehouse by a delta, with the reason and note in the ledger. */
export async function adjustStock(ctx: ServiceContext, input: AdjustStockInput): Promise<StockRow> {
  const actorId = requireAdmin(ctx);
  return withTransaction(ctx, async (tx) => {
    const row = (await lockStockFor(tx, [input]))(input.variantId, input.warehouseId);
    await moveStock(tx, [{ ...input, onHandDelta: input.delta }], { reason: input.reason, note: input.note, actorId });
    return { ...input, onHand: row.onHand + input.delta, reserved: row.reserved };
  });
}

/** Sets a variant's on-hand stock in one warehouse (a count), recorded as the delta from what was there. */
export async function setOnHand(ctx: ServiceContext, input: SetOnHandInput): Promise<StockRow> {
  const actorId = requireAdmin(ctx);
  return withTransaction(ctx, async (tx) => {
    const row = (await lockStockFor(tx, [input]))(input.variantId, input.warehouseId);
    await moveStock(tx, [{ ...input, onHandDelta: input.onHand - row.onHand }], { reason: input.reason, note: input.note, actorId });
    return { variantId: input.variantId, warehouseId: input.warehouseId, onHand: input.onHand, reserved: row.reserved };
  });
}
