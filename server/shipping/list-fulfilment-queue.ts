import { sql } from "drizzle-orm";
import { requireAdmin, type ServiceContext } from "../context";
import type { ShipmentStatus } from "./shipment-status";

export interface QueueRow {
  shipmentId: string;
  orderId: string;
  orderNumber: number;
  paidAt: Date;
  /** Seconds since the order was paid, by the database's clock. */
  ageSeconds: number;
  status: Extract<ShipmentStatus, "pending" | "label_purchased">;
  warehouse: string;
  carrier: string | null;
  service: string | null;
  trackingCode: string | null;
  hasLabel: boolean;
  /** A label purchase is talking to the carrier right now. */
  buying: boolean;
  /** "2 × LAMP-1, 1 × MUG-3" */
  contents: string;
  itemCount: number;
}

/**
 * The admin's fulfilment queue: every shipment of a paid order that has not left the warehouse (pending, or its label
 * bought and not yet scanned by the carrier), oldest paid first, with its age and what goes in the box.
 */
export async function listFulfilmentQueue(ctx: ServiceContext, input: { page: number; pageSize: number }): Promise<{ items: QueueRow[]; total: number }> {
  requireAdmin(ctx);
  const waiting = sql`s.status in ('pending', 'label_purchased') and o.status = 'paid'`;
  const [items, [count]] = await Promise.all([
    ctx.db.execute<Omit<QueueRow, "paidAt"> & { paidAt: string }>(sql`
      select s.id as "shipmentId", o.id as "orderId", o.number as "orderNumber", o.paid_at as "paidAt",
             extract(epoch from now() - o.paid_at)::int as "ageSeconds", s.status, w.name as warehouse,
             s.carrier, s.service, s.tracking_code as "trackingCode", s.label_key is not null as "hasLabel",
             coalesce(s.buying_since > now() - interval '10 minutes', false) as buying,
             (select string_agg(sl.quantity || ' × ' || l.sku, ', ' order by l.id) from shipment_lines sl join order_lines l on l.id = sl.order_line_id where sl.shipment_id = s.id) as contents,
             (select coalesce(sum(sl.quantity), 0)::int from shipment_lines sl where sl.shipment_id = s.id) as "itemCount"
        from shipments s join orders o on o.id = s.order_id join warehouses w on w.id = s.warehouse_id
       where ${waiting}
       order by o.paid_at, s.created_at, s.id
       limit ${input.pageSize} offset ${(input.page - 1) * input.pageSize}`),
    ctx.db.execute<{ total: number }>(sql`select count(*)::int as total from shipments s join orders o on o.id = s.order_id where ${waiting}`),
  ]);
  return { items: items.map((r) => ({ ...r, paidAt: new Date(r.paidAt) })), total: count?.total ?? 0 };
}
