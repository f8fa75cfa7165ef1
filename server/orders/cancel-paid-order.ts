import { and, asc, eq, sql } from "drizzle-orm";
import { orderEvents, orderRefunds, orders, payments, refunds, shipments, stockMovements } from "@/db/schema";
import { requireFullAdmin, type ServiceContext } from "../context";
import { conflict, notFound } from "../errors";
import { writeEvent } from "../events/write-event";
import { lockStockFor, moveStock } from "../inventory/move-stock";
import { refundPayment } from "../payments/refund-payment";
import { labelBeingBought } from "../shipping/buy-shipment-label";
import type { ShipmentStatus } from "../shipping/shipment-status";
import { voidShipmentLabel } from "../shipping/void-shipment-label";
import { cancellationRefundId } from "./cancellation-refund-id";

const leftToRefund = sql<number>`${orders.totalAmount} - ${orders.refundedAmount}`.mapWith(Number);

/** A parcel in one of these has left the warehouse (or come back): its lines are refunded or returned, not cancelled. */
const MOVED: readonly ShipmentStatus[] = ["in_transit", "out_for_delivery", "exception", "delivered", "returned"];

export interface CancelPaidOrderResult {
  orderId: string;
  status: "cancelled";
  /** The cancellation's refund: "pending" while the provider has not finished it (its webhook or the reconciliation will). */
  refund: "succeeded" | "pending" | "failed";
}

/**
 * Cancels a paid order none of whose parcels has left. Bought labels are voided at the carrier first (postage refunded).
 * Then the refund of what is left goes through refundPayment under the cancellation's own refund id, and the
 * cancellation itself runs in that refund's claim transaction, under the order's row lock, after the pending refund row
 * is written: checked again, the order goes paid → cancelled (once) with its pending shipments, every unit it holds goes
 * back to the warehouse it came from through the stock ledger, the admin's notify choice is kept with the refund, and
 * shop/order.cancelled is written. So no moment exists where the order is cancelled with its money not yet being
 * refunded. Calling it again only finishes that refund.
 */
export async function cancelPaidOrder(ctx: ServiceContext, input: { orderId: string; reason: string; notifyCustomer: boolean }): Promise<CancelPaidOrderResult> {
  const actorId = requireFullAdmin(ctx);
  if (ctx.inTransaction) throw new Error("cancelPaidOrder calls the carrier and the payment provider: call it outside a transaction");
  const { orderId, reason } = input;
  const refundId = cancellationRefundId(orderId);
  const amount = await amountToRefund(ctx, orderId, refundId);
  const refunded = await refundPayment(ctx, { orderId, refundId, amount, reason, onClaim: (tx) => cancelUnderLock(tx, { ...input, actorId, amount }) });
  return { orderId, status: "cancelled", refund: refunded.refundStatus ?? "failed" };
}

/**
 * Before anything changes: refuses what cannot be cancelled, voids the labels bought for a paid order, and answers the
 * amount its cancellation refunds (for one cancelled already, its refund's amount, to finish it).
 */
async function amountToRefund(ctx: ServiceContext, orderId: string, refundId: string): Promise<number> {
  const [order] = await ctx.db.select({ number: orders.number, status: orders.status, left: leftToRefund }).from(orders).where(eq(orders.id, orderId));
  if (!order) throw notFound("Order");
  const label = `Order #${order.number}`;
  if (order.status === "cancelled") return pendingCancellationRefund(ctx, label, refundId);
  if (order.status === "refunded") throw conflict(`${label} is already refunded in full: there is nothing left to cancel`);
  if (order.status !== "paid") throw conflict(`${label} is ${order.status}: only a paid order can be cancelled this way`);
  const [waiting] = await ctx.db
    .select({ amount: refunds.amount })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .where(and(eq(payments.orderId, orderId), eq(refunds.status, "pending")));
  if (waiting) throw conflict(`${label}: a refund of ${waiting.amount} (minor units) is waiting for the payment provider. Cancel once it has finished`);
  const parcels = await ctx.db.select({ id: shipments.id, status: shipments.status }).from(shipments).where(eq(shipments.orderId, orderId)).orderBy(asc(shipments.createdAt));
  refuseMoved(order.number, parcels);
  // The void leaves a pending replacement, which the cancellation then cancels; refused later, the order can still ship.
  for (const parcel of parcels) if (parcel.status === "label_purchased") await voidShipmentLabel(ctx, { shipmentId: parcel.id });
  return order.left;
}

function refuseMoved(number: number, parcels: { status: ShipmentStatus }[]): void {
  const moved = parcels.find((p) => MOVED.includes(p.status));
  if (moved) throw conflict(`Order #${number} cannot be cancelled: a parcel is ${moved.status.replaceAll("_", " ")}. Refund its lines or take a return instead`);
}

/** A cancelled order: the amount of its cancellation's refund while the provider has not finished it, else a refusal that says why. */
async function pendingCancellationRefund(ctx: ServiceContext, label: string, refundId: string): Promise<number> {
  const [mine] = await ctx.db.select({ amount: refunds.amount, status: refunds.status }).from(refunds).where(eq(refunds.id, refundId));
  if (mine?.status === "pending") return mine.amount;
  if (mine?.status === "failed") throw conflict(`${label} is already cancelled, but its refund failed: refund the payment at the payment provider`);
  throw conflict(`${label} is already cancelled${mine ? " and refunded" : ""}`);
}

/** refundPayment's onClaim: under the order's row lock, with this cancellation's pending refund row just written. */
async function cancelUnderLock(tx: ServiceContext, input: { orderId: string; reason: string; notifyCustomer: boolean; actorId: string; amount: number }): Promise<void> {
  const { orderId, reason, actorId, amount } = input;
  const [order] = await tx.db.select({ number: orders.number, status: orders.status, left: leftToRefund }).from(orders).where(eq(orders.id, orderId));
  const label = `Order #${order!.number}`;
  if (order!.status !== "paid") throw conflict(`${label} became ${order!.status} meanwhile and was not cancelled`);
  if (order!.left !== amount) throw conflict(`${label} was refunded in part meanwhile. Try again`);
  const parcels = await tx.db
    .select({ status: shipments.status, buying: labelBeingBought })
    .from(shipments)
    .where(eq(shipments.orderId, orderId))
    .orderBy(asc(shipments.id))
    .for("update");
  refuseMoved(order!.number, parcels);
  if (parcels.some((p) => p.status === "label_purchased")) throw conflict(`${label}: a shipping label was bought for it meanwhile. Try again to void it and cancel`);
  if (parcels.some((p) => p.buying)) throw conflict(`${label}: a shipping label is being bought for it right now. Try again in a minute`);

  await tx.db.update(shipments).set({ status: "cancelled", updatedAt: sql`now()` }).where(and(eq(shipments.orderId, orderId), eq(shipments.status, "pending")));
  await tx.db
    .update(orders)
    .set({ status: "cancelled", cancelledAt: sql`now()`, cancelReason: reason, cancelledBy: actorId, updatedAt: sql`now()` })
    .where(and(eq(orders.id, orderId), eq(orders.status, "paid")));
  await tx.db.insert(orderEvents).values({ orderId, type: "cancelled", detail: reason });
  await restockOrder(tx, orderId, actorId);
  await tx.db.insert(orderRefunds).values({ id: cancellationRefundId(orderId), orderId, amount, reason, notifyCustomer: input.notifyCustomer, actorId });
  await writeEvent(tx, { name: "shop/order.cancelled", data: { orderId, reason } }, { key: `order-cancelled-${orderId}` });
}

/** Every unit the order still holds (its ledger rows net of earlier restocks), back in the warehouse it was taken from. */
async function restockOrder(tx: ServiceContext, orderId: string, actorId: string): Promise<void> {
  const held = await tx.db
    .select({ variantId: stockMovements.variantId, warehouseId: stockMovements.warehouseId, quantity: sql<number>`(-sum(${stockMovements.onHandDelta}))::int` })
    .from(stockMovements)
    .where(eq(stockMovements.orderId, orderId))
    .groupBy(stockMovements.variantId, stockMovements.warehouseId)
    .having(sql`sum(${stockMovements.onHandDelta}) < 0`);
  if (held.length === 0) return;
  const changes = held.map((h) => ({ variantId: h.variantId, warehouseId: h.warehouseId, onHandDelta: h.quantity }));
  await lockStockFor(tx, changes);
  await moveStock(tx, changes, { reason: "cancelled: restocked", actorId, orderId });
}
