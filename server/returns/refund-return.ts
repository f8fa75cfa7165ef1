import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { orderEvents, refunds, returnLines, returns } from "@/db/schema";
import { requireAdmin, withTransaction, type ServiceContext } from "../context";
import { conflict, invalid, notFound } from "../errors";
import { lockStockFor, moveStock } from "../inventory/move-stock";
import { refundPayment } from "../payments/refund-payment";
import type { ReturnStatus } from "./return-status";
import type { AdminRefundReturnInput } from "./schemas";

export interface RefundReturnResult {
  status: ReturnStatus;
  /** True for the call that finished the return (refunded, restocked). */
  changed: boolean;
  /** "pending": the provider has not finished the refund yet; refunding again later finishes the return. */
  refund: "succeeded" | "pending";
}

const lineKey = (l: { shipmentId: string; orderLineId: number }) => `${l.shipmentId}:${l.orderLineId}`;

/**
 * Refunds a received return and puts back on sale the lines the admin chose, in three steps so no lock is held while
 * the provider works: (1) under the return's row lock, the restock choices are kept and the refund's id chosen (a new
 * one only when the last attempt failed); (2) refundPayment with that id, so any retry asks for the same refund and the
 * provider pays once; (3) once the refund succeeded, under the lock again, the chosen units go back to the warehouses
 * that sent them through the inventory ledger (moveStock), and the return becomes refunded. A refunded return changes nothing again.
 */
export async function refundReturn(ctx: ServiceContext, input: AdminRefundReturnInput): Promise<RefundReturnResult> {
  const actorId = requireAdmin(ctx);
  if (ctx.inTransaction) throw new Error("refundReturn calls the payment provider: call it outside a transaction");
  const claim = await withTransaction(ctx, async (tx) => {
    const [row] = await tx.db.select().from(returns).where(eq(returns.id, input.returnId)).for("update");
    if (!row) throw notFound("Return");
    if (row.status === "refunded") return null;
    if (row.status !== "received") throw conflict("Mark this return received before refunding it");
    const lines = await tx.db.select({ shipmentId: returnLines.shipmentId, orderLineId: returnLines.orderLineId }).from(returnLines).where(eq(returnLines.returnId, row.id));
    const chosen = new Map(input.restock.map((c) => [lineKey(c), c.restock]));
    if (chosen.size !== input.restock.length || chosen.size !== lines.length || lines.some((l) => !chosen.has(lineKey(l)))) {
      throw invalid("Choose for every line of this return, once, whether it goes back to stock", { restock: "One choice per returned line" });
    }
    for (const line of lines) {
      await tx.db
        .update(returnLines)
        .set({ restock: chosen.get(lineKey(line))! })
        .where(and(eq(returnLines.returnId, row.id), eq(returnLines.shipmentId, line.shipmentId), eq(returnLines.orderLineId, line.orderLineId)));
    }
    const [last] = row.refundId ? await tx.db.select({ status: refunds.status }).from(refunds).where(eq(refunds.id, row.refundId)) : [];
    const refundId = row.refundId && last?.status !== "failed" ? row.refundId : randomUUID();
    if (refundId !== row.refundId) await tx.db.update(returns).set({ refundId, updatedAt: sql`now()` }).where(eq(returns.id, row.id));
    return { orderId: row.orderId, amount: row.refundAmount, refundId };
  });
  if (!claim) return { status: "refunded", changed: false, refund: "succeeded" };

  await refundPayment(ctx, { orderId: claim.orderId, amount: claim.amount, refundId: claim.refundId, reason: `Return ${input.returnId.slice(0, 8)}` });
  return finishReturn(ctx, input.returnId, actorId);
}

/** Step 3: restock and close the return once its refund succeeded; a refund still pending leaves it received. */
async function finishReturn(ctx: ServiceContext, returnId: string, actorId: string): Promise<RefundReturnResult> {
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .select({ orderId: returns.orderId, status: returns.status, refundStatus: refunds.status })
      .from(returns)
      .innerJoin(refunds, eq(refunds.id, returns.refundId))
      .where(eq(returns.id, returnId))
      .for("update", { of: returns });
    if (!row) throw notFound("Return");
    if (row.status === "refunded") return { status: "refunded", changed: false, refund: "succeeded" };
    if (row.refundStatus === "failed") throw conflict("The refund failed: refund this return again");
    if (row.refundStatus === "pending") return { status: row.status, changed: false, refund: "pending" };

    const back = await tx.db
      .select({ variantId: returnLines.variantId, warehouseId: returnLines.warehouseId, onHandDelta: sql<number>`sum(${returnLines.quantity})::int` })
      .from(returnLines)
      .where(and(eq(returnLines.returnId, returnId), eq(returnLines.restock, true)))
      .groupBy(returnLines.variantId, returnLines.warehouseId);
    if (back.length > 0) {
      await lockStockFor(tx, back);
      await moveStock(tx, back, { reason: "return: restocked", actorId, orderId: row.orderId });
    }
    await tx.db.update(returns).set({ status: "refunded", refundedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(returns.id, returnId));
    const units = back.reduce((sum, b) => sum + b.onHandDelta, 0);
    await tx.db.insert(orderEvents).values({ orderId: row.orderId, type: "return_refunded", detail: `Return refunded; ${units} unit${units === 1 ? "" : "s"} back in stock` });
    return { status: "refunded", changed: true, refund: "succeeded" };
  });
}
