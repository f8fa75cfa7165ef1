import { asc, eq, sql } from "drizzle-orm";
import { orders, shipments } from "@/db/schema";
import { withTransaction, type ServiceContext } from "../context";
import { notFound } from "../errors";
import { requireFulfilment } from "./shipment-status";

/** What packaging adds to a parcel, and the least a carrier is asked to carry (variants without a weight weigh 0 g). */
export const PACKAGING_GRAMS = 100;

/**
 * A paid order's shipments: one per warehouse its stock was committed from, each with its lines (an order line's share
 * from that warehouse) and its weight. Goods nothing is posted for (products that do not require shipping) get none. Idempotent: (order, warehouse) is unique, so a second or concurrent call adds
 * nothing and answers the same shipments. An order that is not paid gets none. Answers the shipment ids by warehouse.
 */
export async function createShipmentsForOrder(ctx: ServiceContext, input: { orderId: string }): Promise<string[]> {
  requireFulfilment(ctx);
  return withTransaction(ctx, async (tx) => {
    const [order] = await tx.db.select({ status: orders.status }).from(orders).where(eq(orders.id, input.orderId)).for("share");
    if (!order) throw notFound("Order");
    if (order.status !== "paid") return [];
    await tx.db.execute(sql`
      with made as (
        insert into shipments (order_id, warehouse_id, weight_grams)
        select r.order_id, r.warehouse_id, sum(r.quantity * v.weight_grams) + ${PACKAGING_GRAMS}
          from stock_reservations r join variants v on v.id = r.variant_id join products p on p.id = v.product_id
         where r.order_id = ${input.orderId} and r.status = 'committed' and p.requires_shipping
         group by r.order_id, r.warehouse_id
        on conflict (order_id, warehouse_id) where parent_id is null do nothing
        returning id, order_id, warehouse_id
      )
      insert into shipment_lines (shipment_id, order_line_id, variant_id, quantity)
      select m.id, l.id, r.variant_id, r.quantity
        from made m
        join stock_reservations r on r.order_id = m.order_id and r.warehouse_id = m.warehouse_id and r.status = 'committed'
        join order_lines l on l.order_id = r.order_id and l.variant_id = r.variant_id
        join variants v on v.id = r.variant_id join products p on p.id = v.product_id
       where p.requires_shipping`);
    const rows = await tx.db.select({ id: shipments.id }).from(shipments).where(eq(shipments.orderId, input.orderId)).orderBy(asc(shipments.warehouseId));
    return rows.map((r) => r.id);
  });
}
