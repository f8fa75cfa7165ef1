import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";

/** What needs doing now, whatever the period. */
export interface OperationsFigures {
  /** Paid orders with goods to post and a parcel not yet handed to the carrier (or none made yet). */
  awaitingShipment: number;
  /** Of those, paid more than 48 hours ago. */
  awaitingShipmentOver48h: number;
  /** Orders placed and not paid yet (their stock is held). */
  awaitingPayment: number;
  /** Variants of active products at or below their low-stock threshold (the variant's, else the shop's), out of stock included. */
  lowStockVariants: number;
  outOfStockVariants: number;
  /** Payments flagged for an admin, refunds that failed, and payments taken for orders still pending after 10 minutes. */
  flaggedPayments: number;
  failedRefunds: number;
  paidButPending: number;
}

type OperationsRow = {
  awaiting_shipment: number;
  awaiting_shipment_over_48h: number;
  awaiting_payment: number;
  low_stock: number;
  out_of_stock: number;
  flagged: number;
  failed_refunds: number;
  paid_but_pending: number;
};

export async function getOperationsFigures(ctx: ServiceContext): Promise<OperationsFigures> {
  const [row] = await ctx.db.execute<OperationsRow>(sql`
    with unshipped as (
      select o.paid_at from orders o
       where o.status = 'paid' and o.shipping_method <> 'none'
         and (exists (select 1 from shipments s where s.order_id = o.id and s.status in ('pending', 'label_purchased'))
              or not exists (select 1 from shipments s where s.order_id = o.id))
    ),
    levels as (
      select sl.variant_id, sum(sl.on_hand - sl.reserved) as available
        from stock_levels sl join warehouses w on w.id = sl.warehouse_id and w.active
       group by sl.variant_id
    ),
    stock as (
      select l.available, coalesce(vs.low_stock_threshold, (select default_low_stock_threshold from inventory_settings), 5) as threshold
        from levels l
        join variants v on v.id = l.variant_id
        join products p on p.id = v.product_id and p.status = 'active'
        left join variant_stock_settings vs on vs.variant_id = l.variant_id
    )
    select (select count(*) from unshipped)::int as awaiting_shipment,
           (select count(*) from unshipped where paid_at < now() - interval '48 hours')::int as awaiting_shipment_over_48h,
           (select count(*) from orders where status = 'pending')::int as awaiting_payment,
           (select count(*) from stock where available <= threshold)::int as low_stock,
           (select count(*) from stock where available <= 0)::int as out_of_stock,
           (select count(*) from payments where flagged_at is not null)::int as flagged,
           (select count(*) from refunds where status = 'failed')::int as failed_refunds,
           (select count(*) from orders o join payments p on p.order_id = o.id
             where o.status = 'pending' and p.status = 'succeeded' and p.updated_at < now() - interval '10 minutes')::int as paid_but_pending`);
  return {
    awaitingShipment: row!.awaiting_shipment,
    awaitingShipmentOver48h: row!.awaiting_shipment_over_48h,
    awaitingPayment: row!.awaiting_payment,
    lowStockVariants: row!.low_stock,
    outOfStockVariants: row!.out_of_stock,
    flaggedPayments: row!.flagged,
    failedRefunds: row!.failed_refunds,
    paidButPending: row!.paid_but_pending,
  };
}
