import { and, asc, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { orderLines, orderRefundLines, orderRefunds, orders, refunds, stockReservations } from "@/db/schema";
import { requireAdmin, withTransaction, type ServiceContext } from "../context";
import { conflict, invalid, notFound } from "../errors";
import { lockStockFor, moveStock } from "../inventory/move-stock";
import { refundPayment } from "../payments/refund-payment";
import type { AdminRefundInput } from "./schemas";

export interface RefundOrderResult {
  /** False when this form's key was used before: nothing more was refunded or restocked. */
  changed: boolean;
  /** "pending": the provider has not finished; sending the same form again finishes it (and restocks). */
  refund: "succeeded" | "pending" | "failed";
  refundedAmount: number;
  /** Units this call put back on sale. */
  restocked: number;
}

type Bought = { id: number; variantId: number; unitAmount: number; quantity: number };

/**
 * Refunds chosen lines (or an amount) of a paid order through the payments port, keyed by the form's refund id: the
 * refund row, its lines and the admin's choices are written in one transaction under the order's row lock, where the
 * quantities are checked against what each line has left (refunds that failed give theirs back) and the amount against
 * what the order has left. Once the provider's refund succeeded, one call (a conditional update) puts the lines chosen
 * for restock back through the inventory ledger, in the warehouse the order took them from.
 */
export async function refundOrder(ctx: ServiceContext, input: AdminRefundInput): Promise<RefundOrderResult> {
  const actorId = requireAdmin(ctx);
  const { orderId, refundId } = input;
  const [order] = await ctx.db.select({ number: orders.number, status: orders.status }).from(orders).where(eq(orders.id, orderId));
  if (!order) throw notFound("Order");
  const [known] = await ctx.db.select({ orderId: orderRefunds.orderId }).from(orderRefunds).where(eq(orderRefunds.id, refundId));
  if (known && known.orderId !== orderId) throw conflict("This refund belongs to another order");
  if (!known && order.status !== "paid") throw conflict(`Order #${order.number} is ${order.status}: only paid orders can be refunded`);

  const wanted = input.lines ?? [];
  const bought = wanted.length === 0 ? [] : await orderLinesOf(ctx, orderId, wanted.map((l) => l.orderLineId));
  const line = new Map(bought.map((b) => [b.id, b]));
  const sources = await stockSources(ctx, orderId);
  const fieldErrors: Record<string, string> = {};
  for (const w of wanted) {
    const b = line.get(w.orderLineId);
    if (!b) fieldErrors[`lines.${w.orderLineId}`] = "Not a line of this order";
    else if (w.restock && !sources.has(b.variantId)) fieldErrors[`lines.${w.orderLineId}`] = "Where this line's stock came from is unknown: refund it without restocking";
  }
  if (new Set(wanted.map((w) => w.orderLineId)).size !== wanted.length) fieldErrors.lines = "Each line once";
  if (Object.keys(fieldErrors).length > 0) throw invalid("Check the lines to refund", fieldErrors);
  const amount = input.amount ?? wanted.reduce((sum, w) => sum + line.get(w.orderLineId)!.unitAmount * w.quantity, 0);

  const result = await refundPayment(ctx, {
    orderId,
    amount,
    refundId,
    reason: input.reason || undefined,
    onClaim: async (tx) => {
      await checkLinesLeft(tx, wanted, line);
      await tx.db.insert(orderRefunds).values({ id: refundId, orderId, amount, reason: input.reason || null, notifyCustomer: input.notifyCustomer, actorId });
      if (wanted.length > 0) await tx.db.insert(orderRefundLines).values(wanted.map((w) => ({ refundId, ...w })));
    },
  });
  const status = result.refundStatus ?? "failed";
  const restocked = status === "succeeded" ? await restockRefund(ctx, { orderId, refundId, actorId, sources }) : 0;
  return { changed: result.changed, refund: status, refundedAmount: result.refundedAmount, restocked };
}

function orderLinesOf(ctx: ServiceContext, orderId: string, ids: number[]): Promise<Bought[]> {
  return ctx.db
    .select({ id: orderLines.id, variantId: orderLines.variantId, unitAmount: orderLines.unitAmount, quantity: orderLines.quantity })
    .from(orderLines)
    .where(and(eq(orderLines.orderId, orderId), inArray(orderLines.id, ids)));
}

/** Under the order's row lock: each line's quantity must fit in what its refunds (failed ones aside) left. */
async function checkLinesLeft(tx: ServiceContext, wanted: AdminRefundInput["lines"] & {}, line: Map<number, Bought>) {
  if (wanted.length === 0) return;
  const taken = await tx.db
    .select({ orderLineId: orderRefundLines.orderLineId, quantity: sql<number>`sum(${orderRefundLines.quantity})::int` })
    .from(orderRefundLines)
    .innerJoin(refunds, eq(refunds.id, orderRefundLines.refundId))
    .where(and(inArray(orderRefundLines.orderLineId, [...line.keys()]), ne(refunds.status, "failed")))
    .groupBy(orderRefundLines.orderLineId);
  const used = new Map(taken.map((t) => [t.orderLineId, t.quantity]));
  const fieldErrors: Record<string, string> = {};
  for (const w of wanted) {
    const left = line.get(w.orderLineId)!.quantity - (used.get(w.orderLineId) ?? 0);
    if (w.quantity > left) fieldErrors[`lines.${w.orderLineId}`] = left === 0 ? "Already refunded in full" : `At most ${left} left to refund`;
  }
  if (Object.keys(fieldErrors).length > 0) throw invalid("More than is left to refund", fieldErrors);
}

/** The warehouse each variant of the order was taken from (its largest committed reservation). */
async function stockSources(ctx: ServiceContext, orderId: string): Promise<Map<number, number>> {
  const rows = await ctx.db
    .selectDistinctOn([stockReservations.variantId], { variantId: stockReservations.variantId, warehouseId: stockReservations.warehouseId })
    .from(stockReservations)
    .where(and(eq(stockReservations.orderId, orderId), eq(stockReservations.status, "committed")))
    .orderBy(stockReservations.variantId, desc(stockReservations.quantity), asc(stockReservations.id));
  return new Map(rows.map((r) => [r.variantId, r.warehouseId]));
}

/** Once per refund (the conditional update on restocked_at decides which call): the chosen units back on sale. */
async function restockRefund(ctx: ServiceContext, input: { orderId: string; refundId: string; actorId: string; sources: Map<number, number> }): Promise<number> {
  return withTransaction(ctx, async (tx) => {
    const [mine] = await tx.db
      .update(orderRefunds)
      .set({ restockedAt: sql`now()` })
      .where(and(eq(orderRefunds.id, input.refundId), isNull(orderRefunds.restockedAt)))
      .returning({ id: orderRefunds.id });
    if (!mine) return 0;
    const back = await tx.db
      .select({ variantId: orderLines.variantId, quantity: sql<number>`sum(${orderRefundLines.quantity})::int` })
      .from(orderRefundLines)
      .innerJoin(orderLines, eq(orderLines.id, orderRefundLines.orderLineId))
      .where(and(eq(orderRefundLines.refundId, input.refundId), eq(orderRefundLines.restock, true)))
      .groupBy(orderLines.variantId);
    if (back.length === 0) return 0;
    const changes = back.map((b) => ({ variantId: b.variantId, warehouseId: input.sources.get(b.variantId)!, onHandDelta: b.quantity }));
    await lockStockFor(tx, changes);
    await moveStock(tx, changes, { reason: "refund: restocked", actorId: input.actorId, orderId: input.orderId });
    return back.reduce((sum, b) => sum + b.quantity, 0);
  });
}
