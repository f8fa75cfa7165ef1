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
  flagged: number;
  failed_refunds: number;
  paid_but_pending: number;
  low_stock: number;
  out_of_stock: number;
};

/** Call foldLowStock first, outside this snapshot, for a low-stock count that includes the latest stock changes. */
export async function getOperationsFigures(ctx: ServiceContext): Promise<OperationsFigures> {
  const [row] = await ctx.db.execute<OperationsRow>(OPERATIONS);
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

const OPERATIONS = sql`
    with unshipped as (
      -- Probed by id: the parcels waiting are few (shipments_waiting_order_idx), the paid orders many.
      select o.paid_at from orders o
       where o.status = 'paid' and o.id = any (array(select order_id from shipments where status in ('pending', 'label_purchased')))
      union all
      -- Paid with no parcel made yet (the fulfilment job makes them within seconds of payment), placed in the last two
      -- weeks: kept by triggers (db/schema/dashboard.ts).
      select paid_at from dashboard_unparcelled_orders where placed_at > now() - interval '14 days'
    )
    select (select count(*) from unshipped)::int as awaiting_shipment,
           (select count(*) from unshipped where paid_at < now() - interval '48 hours')::int as awaiting_shipment_over_48h,
           (select count(*) from orders where status = 'pending')::int as awaiting_payment,
           (select count(*) from payments where flagged_at is not null)::int as flagged,
           (select count(*) from refunds where status = 'failed')::int as failed_refunds,
           (select count(*) from orders o join payments p on p.order_id = o.id
             where o.status = 'pending' and p.status = 'succeeded' and p.updated_at < now() - interval '10 minutes')::int as paid_but_pending,
           (select count(*) from low_stock_variants)::int as low_stock,
           (select count(*) from low_stock_variants where out)::int as out_of_stock`;
