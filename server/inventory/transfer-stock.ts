import { eq } from "drizzle-orm";
import { warehouses } from "@/db/schema";
import { requireAdmin, withTransaction, type ServiceContext } from "../context";
import { invalid } from "../errors";
import type { StockRow } from "./adjust-stock";
import { lockStockFor, moveStock } from "./move-stock";
import type { TransferStockInput } from "./schemas";

/** Moves units of a variant from one warehouse to another: two ledger legs (out and in) in one transaction. */
export async function transferStock(ctx: ServiceContext, input: TransferStockInput): Promise<StockRow[]> {
  const actorId = requireAdmin(ctx);
  const { variantId, fromWarehouseId, toWarehouseId, quantity } = input;
  if (fromWarehouseId === toWarehouseId) throw invalid("Choose two different warehouses", { toWarehouseId: "Choose another warehouse" });
  return withTransaction(ctx, async (tx) => {
    const [target] = await tx.db.select({ active: warehouses.active }).from(warehouses).where(eq(warehouses.id, toWarehouseId)).for("key share");
    if (target && !target.active) throw invalid("That warehouse is deactivated", { toWarehouseId: "This warehouse is deactivated" });
    const row = await lockStockFor(tx, [
      { variantId, warehouseId: fromWarehouseId },
      { variantId, warehouseId: toWarehouseId },
    ]);
    const from = row(variantId, fromWarehouseId);
    const to = row(variantId, toWarehouseId);
    await moveStock(
      tx,
      [
        { variantId, warehouseId: fromWarehouseId, onHandDelta: -quantity, reason: "transfer out" },
        { variantId, warehouseId: toWarehouseId, onHandDelta: quantity, reason: "transfer in" },
      ],
      { reason: "transfer", note: input.note, actorId },
    );
    return [
      { variantId, warehouseId: fromWarehouseId, onHand: from.onHand - quantity, reserved: from.reserved },
      { variantId, warehouseId: toWarehouseId, onHand: to.onHand + quantity, reserved: to.reserved },
    ];
  });
}
