import { sql } from "drizzle-orm";
import type { ShipmentStatus } from "./shipment-status";

export const FULFILMENT_STATUSES = ["unfulfilled", "partially_shipped", "shipped", "delivered"] as const;
/** How far an order's parcels have gone, beside its payment status; derived from its shipments, never stored. */
export type FulfilmentStatus = (typeof FULFILMENT_STATUSES)[number];

/** A parcel in one of these has left the warehouse. */
export const LEFT_WAREHOUSE: readonly ShipmentStatus[] = ["in_transit", "out_for_delivery", "exception", "delivered", "returned"];
const left = sql.raw(LEFT_WAREHOUSE.map((s) => `'${s}'`).join(", "));

/**
 * The order's fulfilment status from its shipments (cancelled ones left out, as their lines went to a replacement):
 * delivered when every parcel is, shipped when every parcel has left, partially shipped when some have, else
 * unfulfilled; null when the order has nothing to ship (not paid yet, or only goods nothing is posted for).
 * Reads `orders.id` of the enclosing query.
 */
export const fulfilmentStatusSql = sql<FulfilmentStatus | null>`(
  select case when count(*) = 0 then null
              when bool_and(s.status = 'delivered') then 'delivered'
              when bool_and(s.status in (${left})) then 'shipped'
              when bool_or(s.status in (${left})) then 'partially_shipped'
              else 'unfulfilled' end
    from shipments s where s.order_id = orders.id and s.status <> 'cancelled')`;
