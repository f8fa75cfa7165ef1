import { and, asc, eq, sql } from "drizzle-orm";
import { orderEvents, orderRefunds, orders, payments, refunds, shipments, stockMovements } from "@/db/schema";
import { requireFullAdmin, withTransaction, type ServiceContext } from "../context";
import { conflict, notFound } from "../errors";
import { writeEvent } from "../events/write-event";
import { lockStockFor, moveStock } from "../inventory/move-stock";
import { refundPayment } from "../payments/refund-payment";
import { labelBeingBought } from "../shipping/buy-shipment-label";
import type { ShipmentStatus } from "../shipping/shipment-status";
import { voidShipmentLabel } from "../shipping/void-shipment-label";
import { cancellationRefundId } from "./cancellation-refund-id";

/** A parcel in one of these has left the warehouse (or come back): its lines are refunded or returned, not cancelled. */
const MOVED: readonly ShipmentStatus[] = ["in_transit", "out_for_delivery", "exception", "delivered", "returned"];

export interface CancelPaidOrderResult {
  orderId: string;
  status: "cancelled";
  /** The cancellation's refund: "pending" while the provider has not finished it (its webhook or the reconciliation will). */
  refund: "succeeded" | "pending" | "failed" | "none";
}

/**
 * Cancels a paid order none of whose parcels has left: bought labels are voided at the carrier (postage refunded), then
 * one transaction under the order's row lock checks again, cancels the order (paid → cancelled, once) and its pending
 * shipments, puts every unit the order still holds back in the warehouse it came from through the stock ledger, keeps the
 * refund to make with the admin's notify choice and writes shop/order.cancelled; last, what is left to refund goes back
 * through the payments port under the cancellation's own refund id. Calling it again only finishes that refund.
 */
export async function cancelPaidOrder(ctx: ServiceContext, input: { orderId: string; reason: string; notifyCustomer: boolean }): Promise<CancelPaidOrderResult> {
  const actorId = requireFullAdmin(ctx);
  if (ctx.inTransaction) throw new Error("cancelPaidOrder calls the carrier and the payment provider: call it outside a transaction");
  const { orderId, reason } = input;
  await voidBoughtLabels(ctx, orderId);
  const claim = await claimCancellation(ctx, { ...input, actorId });
  if (!claim) return { orderId, status: "cancelled", refund: "none" };
  const refunded = await refundPayment(ctx, { orderId, refundId: claim.refundId, amount: claim.amount, reason });
  return { orderId, status: "cancelled", refund: refunded.refundStatus ?? "failed" };
}

/** Before anything changes: a paid order with a parcel on its way is refused, and the labels bought for it are voided. */
async function voidBoughtLabels(ctx: ServiceContext, orderId: string): Promise<void> {
  const [order] = await ctx.db.select({ number: orders.number, status: orders.status }).from(orders).where(eq(orders.id, orderId));
  if (!order) throw notFound("Order");
  if (order.status !== "paid") return;
  const parcels = await ctx.db.select({ id: shipments.id, status: shipments.status }).from(shipments).where(eq(shipments.orderId, orderId)).orderBy(asc(shipments.createdAt));
  refuseMoved(order.number, parcels);
  // The void leaves a pending replacement, which the cancellation then cancels; refused later, the order can still ship.
  for (const parcel of parcels) if (parcel.status === "label_purchased") await voidShipmentLabel(ctx, { shipmentId: parcel.id });
}

function refuseMoved(number: number, parcels: { status: ShipmentStatus }[]): void {
  const moved = parcels.find((p) => MOVED.includes(p.status));
  if (moved) throw conflict(`Order #${number} cannot be cancelled: a parcel is ${moved.status.replaceAll("_", " ")}. Refund its lines or take a return instead`);
}

type Claim = { refundId: string; amount: number } | null;

async function claimCancellation(ctx: ServiceContext, input: { orderId: string; reason: string; notifyCustomer: boolean; actorId: string }): Promise<Claim> {
  const { orderId, reason, actorId } = input;
  const refundId = cancellationRefundId(orderId);
  return withTransaction(ctx, async (tx) => {
    const [order] = await tx.db
      .select({ number: orders.number, status: orders.status, totalAmount: orders.totalAmount, refundedAmount: orders.refundedAmount, currency: orders.currency })
      .from(orders)
      .where(eq(orders.id, orderId))
      .for("update");
    if (!order) throw notFound("Order");
    const label = `Order #${order.number}`;
    if (order.status === "cancelled") return resumeRefund(tx, label, refundId);
    if (order.status === "refunded") throw conflict(`${label} is already refunded in full: there is nothing left to cancel`);
    if (order.status !== "paid") throw conflict(`${label} is ${order.status}: only a paid order can be cancelled this way`);

    const parcels = await tx.db
      .select({ status: shipments.status, buying: labelBeingBought })
      .from(shipments)
      .where(eq(shipments.orderId, orderId))
      .orderBy(asc(shipments.id))
      .for("update");
    refuseMoved(order.number, parcels);
    if (parcels.some((p) => p.status === "label_purchased")) throw conflict(`${label}: a shipping label was bought for it meanwhile. Try again to void it and cancel`);
    if (parcels.some((p) => p.buying)) throw conflict(`${label}: a shipping label is being bought for it right now. Try again in a minute`);
    const [waiting] = await tx.db
      .select({ amount: refunds.amount })
      .from(refunds)
      .innerJoin(payments, eq(payments.id, refunds.paymentId))
      .where(and(eq(payments.orderId, orderId), eq(refunds.status, "pending")));
    if (waiting) throw conflict(`${label}: a refund of ${waiting.amount} ${order.currency} (minor units) is waiting for the payment provider. Cancel once it has finished`);

    await tx.db.update(shipments).set({ status: "cancelled", updatedAt: sql`now()` }).where(and(eq(shipments.orderId, orderId), eq(shipments.status, "pending")));
    await tx.db
      .update(orders)
      .set({ status: "cancelled", cancelledAt: sql`now()`, cancelReason: reason, cancelledBy: actorId, updatedAt: sql`now()` })
      .where(and(eq(orders.id, orderId), eq(orders.status, "paid")));
    await tx.db.insert(orderEvents).values({ orderId, type: "cancelled", detail: reason });
    await restockOrder(tx, orderId, actorId);
    const amount = order.totalAmount - order.refundedAmount;
    if (amount > 0) await tx.db.insert(orderRefunds).values({ id: refundId, orderId, amount, reason, notifyCustomer: input.notifyCustomer, actorId });
    await writeEvent(tx, { name: "shop/order.cancelled", data: { orderId, reason } }, { key: `order-cancelled-${orderId}` });
    return amount > 0 ? { refundId, amount } : null;
  });
}

/** A cancelled order: its cancellation's refund is finished if still pending (or never asked after a crash), else refused. */
async function resumeRefund(tx: ServiceContext, label: string, refundId: string): Promise<Claim> {
  const [mine] = await tx.db
    .select({ amount: orderRefunds.amount, status: refunds.status })
    .from(orderRefunds)
    .leftJoin(refunds, eq(refunds.id, orderRefunds.id))
    .where(eq(orderRefunds.id, refundId));
  if (mine && (mine.status === null || mine.status === "pending")) return { refundId, amount: mine.amount };
  if (mine?.status === "failed") throw conflict(`${label} is already cancelled, but its refund failed: refund the payment at the payment provider`);
  throw conflict(`${label} is already cancelled${mine ? " and refunded" : ""}`);
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
