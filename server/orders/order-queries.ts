import { asc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { preparedPerHandle } from "@/db/prepared";
import { orderEvents, orderLines, orders, products, variants } from "@/db/schema";
import { fulfilmentStatusSql } from "../shipping/fulfilment-status";
import type { OrderEventView, OrderLineView, OrderView, PaymentStatus } from "./schemas";

type Database = Db | Tx;

/** The columns of an order that every view shows; `itemCount` sums the line quantities. */
export const orderColumns = {
  id: orders.id,
  number: orders.number,
  status: orders.status,
  // payments holds the one payment status; an order whose payment never opened is still awaiting it.
  paymentStatus: sql<PaymentStatus>`coalesce((select p.status from payments p where p.order_id = orders.id), 'awaiting')`,
  fulfilmentStatus: fulfilmentStatusSql,
  totalAmount: orders.totalAmount,
  currency: orders.currency,
  placedAt: orders.placedAt,
  // Plain SQL: drizzle leaves columns unqualified in a single-table select, so `${orders.id}` would read as ol.id here.
  itemCount: sql<number>`(select coalesce(sum(ol.quantity), 0)::int from order_lines ol where ol.order_id = orders.id)`,
};

const detailColumns = {
  ...orderColumns,
  email: orders.email,
  subtotalAmount: orders.subtotalAmount,
  shippingAmount: orders.shippingAmount,
  refundedAmount: orders.refundedAmount,
  shippingAddress: orders.shippingAddress,
  shippingMethod: orders.shippingMethod,
  reservationExpiresAt: orders.reservationExpiresAt,
  paidAt: orders.paidAt,
  cancelledAt: orders.cancelledAt,
  cancelReason: orders.cancelReason,
};

const orderLinesQuery = preparedPerHandle((db) =>
  db
    .select({
      variantId: orderLines.variantId,
      sku: orderLines.sku,
      productTitle: orderLines.productTitle,
      variantTitle: orderLines.variantTitle,
      productSlug: sql<string | null>`case when ${products.status} = 'active' then ${products.slug} end`,
      unitAmount: orderLines.unitAmount,
      quantity: orderLines.quantity,
      lineAmount: orderLines.lineAmount,
    })
    .from(orderLines)
    .leftJoin(variants, eq(variants.id, orderLines.variantId))
    .leftJoin(products, eq(products.id, variants.productId))
    .where(eq(orderLines.orderId, sql.placeholder("orderId")))
    .orderBy(asc(orderLines.id))
    .prepare("select_order_lines"),
);

export function selectOrderLines(db: Database, orderId: string): Promise<OrderLineView[]> {
  return orderLinesQuery(db).execute({ orderId });
}

/** Oldest first; events written by one transaction share its timestamp, so the id breaks the tie in write order. */
export function selectOrderEvents(db: Database, orderId: string): Promise<OrderEventView[]> {
  return db
    .select({ id: orderEvents.id, type: orderEvents.type, detail: orderEvents.detail, createdAt: orderEvents.createdAt })
    .from(orderEvents)
    .where(eq(orderEvents.orderId, orderId))
    .orderBy(asc(orderEvents.createdAt), asc(orderEvents.id));
}

export type OrderHeader = Omit<OrderView, "lines" | "timeline">;

const orderQuery = preparedPerHandle((db) =>
  db.select({ order: detailColumns, userId: orders.userId }).from(orders).where(eq(orders.id, sql.placeholder("orderId"))).prepare("select_order"),
);

/** The order without lines and events, with the id of the shopper who placed it (null for a guest). */
export async function selectOrder(db: Database, orderId: string): Promise<{ order: OrderHeader; userId: string | null } | undefined> {
  const [row] = await orderQuery(db).execute({ orderId });
  return row;
}

/** The few columns that decide whether an order may be cancelled or refunded. */
export async function selectOrderState(db: Database, orderId: string) {
  const [row] = await db
    .select({ number: orders.number, status: orders.status, paymentStatus: orderColumns.paymentStatus, totalAmount: orders.totalAmount, refundedAmount: orders.refundedAmount })
    .from(orders)
    .where(eq(orders.id, orderId));
  return row;
}
