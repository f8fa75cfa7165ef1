import { OrderTimeline } from "@/app/_components/order-timeline";
import type { AdminOrderView } from "@/server/orders/admin-get-order";
import { StockTables } from "./stock-tables";

/** For whoever debugs an order: payment intent and refund ids, stock reservations and ledger rows, every saga step. */
export function TechnicalDetails({ order }: { order: AdminOrderView }) {
  return (
    <details className="rounded-lg border border-stone-200 p-4">
      <summary className="cursor-pointer text-lg font-medium">Technical details</summary>
      <div className="mt-3 flex flex-col gap-6">
        {order.payment && (
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
            <dt className="text-stone-500">Payment intent</dt>
            <dd className="font-mono text-xs break-all">{order.payment.providerPaymentId}</dd>
            {order.payment.refunds.map((refund) => (
              <div key={refund.id} className="contents">
                <dt className="text-stone-500">Refund</dt>
                <dd className="font-mono text-xs break-all">
                  {refund.id}
                  {refund.providerRefundId && ` → ${refund.providerRefundId}`}
                </dd>
              </div>
            ))}
          </dl>
        )}
        <StockTables reservations={order.reservations} movements={order.stockMovements} />
        <section aria-label="Events and saga steps" className="flex flex-col gap-2">
          <h3 className="font-medium">Events and saga steps</h3>
          <OrderTimeline events={order.events} allDetails />
        </section>
      </div>
    </details>
  );
}
