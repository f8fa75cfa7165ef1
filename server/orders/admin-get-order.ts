import { asc, eq } from "drizzle-orm";
import { orders, payments, refunds, stockMovements, stockReservations, users, variants, warehouses } from "@/db/schema";
import { requireAdmin, type ServiceContext } from "../context";
import { notFound } from "../errors";
import { listOrderMessages, type OrderMessage } from "../notifications/list-order-messages";
import { RECONCILED_EVENT } from "../payments/reconcile-payment";
import { selectOrderShipments, type ShipmentView } from "../shipping/shipment-queries";
import { selectAdminOrderDetails, type AdminOrderLine, type OrderNoteView, type OrderRefundRecord } from "./admin-order-details";
import { selectOrder, selectOrderEvents, selectOrderLines, type OrderHeader } from "./order-queries";
import type { OrderEventView, OrderLineView, PaymentStatus } from "./schemas";

export interface AdminOrderView extends OrderHeader {
  customer: { id: string; email: string; name: string | null } | null;
  /** The admin who cancelled it (name, else email); null when the shop's jobs did, or it is not cancelled. */
  cancelledBy: string | null;
  lines: (OrderLineView & AdminOrderLine)[];
  /** Refunds asked for from this page, with who asked, the lines and the restock and notify choices, oldest first. */
  refundRecords: OrderRefundRecord[];
  /** Internal notes, oldest first. */
  notes: OrderNoteView[];
  /** Every event, the saga's steps included, oldest first. */
  events: OrderEventView[];
  payment: {
    id: string;
    provider: string;
    providerPaymentId: string;
    amount: number;
    currency: string;
    status: PaymentStatus;
    /** Why an admin must look at this payment (a provider event whose amount or currency was not ours…); null when all is well. */
    flaggedReason: string | null;
    flaggedAt: Date | null;
    createdAt: Date;
    updatedAt: Date;
    refunds: {
      id: string;
      amount: number;
      reason: string | null;
      providerRefundId: string | null;
      status: "pending" | "succeeded" | "failed";
      /** "shop": asked from the admin or a job; "provider": made at the provider (its dashboard) and learnt from it. */
      origin: string;
      failureReason: string | null;
      createdAt: Date;
    }[];
  } | null;
  /** What the payment reconciliation repaired on this order (also in `events`), oldest first. */
  reconciliation: OrderEventView[];
  reservations: { id: number; sku: string; warehouse: string; quantity: number; status: "active" | "committed" | "released"; expiresAt: Date }[];
  stockMovements: { id: number; sku: string; warehouse: string; onHandDelta: number; reservedDelta: number; reason: string; createdAt: Date }[];
  /** Every message about the order or its refunds, the admins' alerts and resends included, oldest first. */
  messages: OrderMessage[];
  /** Its shipments, voided ones included, oldest first, with their lines and timelines. */
  shipments: ShipmentView[];
}

/** Everything an admin needs to understand one order: lines, payment and refunds, reservations, the stock ledger and the saga's steps. */
export async function adminGetOrder(ctx: ServiceContext, input: { orderId: string }): Promise<AdminOrderView> {
  requireAdmin(ctx);
  const { db } = ctx;
  const row = await selectOrder(db, input.orderId);
  if (!row) throw notFound("Order");
  const { orderId } = input;
  const [customer, canceller, lines, events, payment, paymentRefunds, reservations, movements, messages, shipments, details] = await Promise.all([
    row.userId ? db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.id, row.userId)) : [],
    row.order.cancelledAt ? db.select({ email: users.email, name: users.name }).from(orders).innerJoin(users, eq(users.id, orders.cancelledBy)).where(eq(orders.id, orderId)) : [],
    selectOrderLines(db, orderId),
    selectOrderEvents(db, orderId),
    db
      .select({
        id: payments.id,
        provider: payments.provider,
        providerPaymentId: payments.providerPaymentId,
        amount: payments.amount,
        currency: payments.currency,
        status: payments.status,
        flaggedReason: payments.flaggedReason,
        flaggedAt: payments.flaggedAt,
        createdAt: payments.createdAt,
        updatedAt: payments.updatedAt,
      })
      .from(payments)
      .where(eq(payments.orderId, orderId)),
    db
      .select({
        id: refunds.id,
        amount: refunds.amount,
        reason: refunds.reason,
        providerRefundId: refunds.providerRefundId,
        status: refunds.status,
        origin: refunds.origin,
        failureReason: refunds.failureReason,
        createdAt: refunds.createdAt,
      })
      .from(refunds)
      .innerJoin(payments, eq(payments.id, refunds.paymentId))
      .where(eq(payments.orderId, orderId))
      .orderBy(asc(refunds.createdAt), asc(refunds.id)),
    db
      .select({
        id: stockReservations.id,
        sku: variants.sku,
        warehouse: warehouses.code,
        quantity: stockReservations.quantity,
        status: stockReservations.status,
        expiresAt: stockReservations.expiresAt,
      })
      .from(stockReservations)
      .innerJoin(variants, eq(variants.id, stockReservations.variantId))
      .innerJoin(warehouses, eq(warehouses.id, stockReservations.warehouseId))
      .where(eq(stockReservations.orderId, orderId))
      .orderBy(asc(stockReservations.id)),
    db
      .select({
        id: stockMovements.id,
        sku: variants.sku,
        warehouse: warehouses.code,
        onHandDelta: stockMovements.onHandDelta,
        reservedDelta: stockMovements.reservedDelta,
        reason: stockMovements.reason,
        createdAt: stockMovements.createdAt,
      })
      .from(stockMovements)
      .innerJoin(variants, eq(variants.id, stockMovements.variantId))
      .innerJoin(warehouses, eq(warehouses.id, stockMovements.warehouseId))
      .where(eq(stockMovements.orderId, orderId))
      .orderBy(asc(stockMovements.id)),
    listOrderMessages(ctx, { orderId, audience: "admin" }),
    selectOrderShipments(db, orderId),
    selectAdminOrderDetails(db, orderId),
  ]);
  return {
    ...row.order,
    customer: customer[0] ?? null,
    cancelledBy: canceller[0] ? (canceller[0].name ?? canceller[0].email) : null,
    lines: lines.map((line, i) => ({ ...line, ...details.lineDetails[i]! })),
    refundRecords: details.refundRecords,
    notes: details.notes,
    events,
    payment: payment[0] ? { ...payment[0], refunds: paymentRefunds } : null,
    messages,
    shipments,
    reconciliation: events.filter((e) => e.type === RECONCILED_EVENT),
    reservations,
    stockMovements: movements,
  };
}
