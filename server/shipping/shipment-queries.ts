import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { orderLines, shipmentEvents, shipmentLines, shipments, warehouses } from "@/db/schema";
import type { ShipmentStatus } from "./shipment-status";

export interface ShipmentEventView {
  id: number;
  status: ShipmentStatus | null;
  carrierStatus: string;
  detail: string | null;
  occurredAt: Date;
}

export interface ShipmentView {
  id: string;
  /** The shipment it was split off or replaces. */
  parentId: string | null;
  status: ShipmentStatus;
  warehouse: string;
  weightGrams: number;
  carrier: string | null;
  service: string | null;
  trackingCode: string | null;
  trackingUrl: string | null;
  /** Our label PDF is stored (a parcel marked shipped with another carrier's label has none). */
  hasLabel: boolean;
  labelPurchasedAt: Date | null;
  /** The carrier's latest delivery estimate, from the newest scan that gave one. */
  estimatedDeliveryAt: Date | null;
  lines: { orderLineId: number; sku: string; productTitle: string; variantTitle: string; quantity: number }[];
  /** The carrier's timeline, by the carrier's time, oldest first. */
  events: ShipmentEventView[];
}

/** An order's shipments, oldest first, with their lines and timelines. */
export async function selectOrderShipments(db: Db | Tx, orderId: string): Promise<ShipmentView[]> {
  const rows = await db
    .select({
      id: shipments.id,
      parentId: shipments.parentId,
      status: shipments.status,
      warehouse: warehouses.name,
      weightGrams: shipments.weightGrams,
      carrier: shipments.carrier,
      service: shipments.service,
      trackingCode: shipments.trackingCode,
      trackingUrl: shipments.trackingUrl,
      hasLabel: sql<boolean>`${shipments.labelKey} is not null`,
      labelPurchasedAt: shipments.labelPurchasedAt,
      estimatedDeliveryAt: sql<Date | null>`(select e.estimated_delivery_at from shipment_events e
         where e.shipment_id = ${shipments.id} and e.estimated_delivery_at is not null order by e.occurred_at desc, e.id desc limit 1)`.mapWith(
        (v: string | Date | null) => (v === null ? null : new Date(v)),
      ),
    })
    .from(shipments)
    .innerJoin(warehouses, eq(warehouses.id, shipments.warehouseId))
    .where(eq(shipments.orderId, orderId))
    .orderBy(asc(shipments.createdAt), asc(shipments.id));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [lines, events] = await Promise.all([
    db
      .select({
        shipmentId: shipmentLines.shipmentId,
        orderLineId: shipmentLines.orderLineId,
        sku: orderLines.sku,
        productTitle: orderLines.productTitle,
        variantTitle: orderLines.variantTitle,
        quantity: shipmentLines.quantity,
      })
      .from(shipmentLines)
      .innerJoin(orderLines, eq(orderLines.id, shipmentLines.orderLineId))
      .where(inArray(shipmentLines.shipmentId, ids))
      .orderBy(asc(shipmentLines.orderLineId)),
    db
      .select({
        shipmentId: shipmentEvents.shipmentId,
        id: shipmentEvents.id,
        status: shipmentEvents.status,
        carrierStatus: shipmentEvents.carrierStatus,
        detail: shipmentEvents.detail,
        occurredAt: shipmentEvents.occurredAt,
      })
      .from(shipmentEvents)
      .where(inArray(shipmentEvents.shipmentId, ids))
      .orderBy(asc(shipmentEvents.occurredAt), asc(shipmentEvents.id)),
  ]);
  return rows.map((r) => ({
    ...r,
    lines: lines.filter((l) => l.shipmentId === r.id).map((l) => ({ orderLineId: l.orderLineId, sku: l.sku, productTitle: l.productTitle, variantTitle: l.variantTitle, quantity: l.quantity })),
    events: events.filter((e) => e.shipmentId === r.id).map((e) => ({ id: e.id, status: e.status, carrierStatus: e.carrierStatus, detail: e.detail, occurredAt: e.occurredAt })),
  }));
}

