import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { orderLines, returnLines, returns } from "@/db/schema";

/** How long after delivery a shopper may ask to return goods. */
export const RETURN_WINDOW_DAYS = 30;

/** One delivered shipment's share of an order line: what it carried, what returns took already, and until when it may go back. */
export interface ReturnableShipmentLine {
  shipmentId: string;
  orderLineId: number;
  variantId: number;
  warehouseId: number;
  productTitle: string;
  variantTitle: string;
  unitAmount: number;
  shipped: number;
  returned: number;
  returnBy: Date;
  withinWindow: boolean;
}

/**
 * The order's delivered shipment lines, oldest order line and shipment first. Delivery is the carrier's time of the
 * shipment's first delivered event (its last update when it has none); the window is judged by the database's clock.
 */
export async function selectReturnableLines(db: Db | Tx, orderId: string): Promise<ReturnableShipmentLine[]> {
  // A raw statement's timestamps arrive as text.
  const rows = await db.execute<Omit<ReturnableShipmentLine, "returnBy"> & { returnBy: string }>(sql`
    select sl.shipment_id as "shipmentId", sl.order_line_id as "orderLineId", sl.variant_id as "variantId",
           s.warehouse_id as "warehouseId", l.product_title as "productTitle", l.variant_title as "variantTitle",
           l.unit_amount as "unitAmount", sl.quantity as shipped,
           coalesce((select sum(rl.quantity) from return_lines rl
                      where rl.shipment_id = sl.shipment_id and rl.order_line_id = sl.order_line_id), 0)::int as returned,
           d.delivered_at + make_interval(days => ${RETURN_WINDOW_DAYS}) as "returnBy",
           d.delivered_at + make_interval(days => ${RETURN_WINDOW_DAYS}) > now() as "withinWindow"
      from shipments s
      join shipment_lines sl on sl.shipment_id = s.id
      join order_lines l on l.id = sl.order_line_id
      cross join lateral (
        select coalesce(min(e.occurred_at), s.updated_at) as delivered_at
          from shipment_events e where e.shipment_id = s.id and e.status = 'delivered') d
     where s.order_id = ${orderId} and s.status = 'delivered'
     order by sl.order_line_id, s.created_at, s.id`);
  return rows.map((row) => ({ ...row, returnBy: new Date(row.returnBy) }));
}

/** The order's returns, newest first, each with its lines as the order names them. */
export async function selectOrderReturns(db: Db | Tx, orderId: string) {
  const rows = await db
    .select({
      id: returns.id,
      status: returns.status,
      reason: returns.reason,
      refundAmount: returns.refundAmount,
      currency: returns.currency,
      carrier: returns.carrier,
      service: returns.service,
      trackingCode: returns.trackingCode,
      labelUrl: returns.labelUrl,
      hasLabel: sql<boolean>`${returns.labelKey} is not null`,
      rejectionReason: returns.rejectionReason,
      requestedAt: returns.requestedAt,
      approvedAt: returns.approvedAt,
      receivedAt: returns.receivedAt,
      refundedAt: returns.refundedAt,
      rejectedAt: returns.rejectedAt,
    })
    .from(returns)
    .where(eq(returns.orderId, orderId))
    .orderBy(desc(returns.requestedAt));
  if (rows.length === 0) return [];
  const lines = await db
    .select({
      returnId: returnLines.returnId,
      shipmentId: returnLines.shipmentId,
      orderLineId: returnLines.orderLineId,
      quantity: returnLines.quantity,
      amount: returnLines.amount,
      restock: returnLines.restock,
      productTitle: orderLines.productTitle,
      variantTitle: orderLines.variantTitle,
      sku: orderLines.sku,
    })
    .from(returnLines)
    .innerJoin(orderLines, eq(orderLines.id, returnLines.orderLineId))
    .where(inArray(returnLines.returnId, rows.map((r) => r.id)))
    .orderBy(asc(returnLines.orderLineId), asc(returnLines.shipmentId));
  return rows.map((r) => ({ ...r, lines: lines.filter((l) => l.returnId === r.id) }));
}

export type OrderReturn = Awaited<ReturnType<typeof selectOrderReturns>>[number];
