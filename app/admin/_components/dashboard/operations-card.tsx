import Link from "next/link";
import type { OperationsFigures } from "@/server/admin/get-operations-figures";

function Row({ label, value, detail, href, alert }: { label: string; value: number; detail?: string; href?: string; alert: boolean }) {
  const body = (
    <>
      <span>{label}</span>
      <span className="flex flex-col items-end">
        <span className={`text-lg font-semibold tabular-nums ${alert ? "text-red-700" : ""}`} data-figure>
          {value}
        </span>
        {detail && <span className="text-xs text-stone-500">{detail}</span>}
      </span>
    </>
  );
  return (
    <li role="group" aria-label={label}>
      {href ? (
        <Link href={href} className="flex items-center justify-between gap-3 rounded px-2 py-2 hover:bg-stone-50">
          {body}
        </Link>
      ) : (
        <div className="flex items-center justify-between gap-3 px-2 py-2">{body}</div>
      )}
    </li>
  );
}

/** What needs doing now. */
export function OperationsCard({ operations: o }: { operations: OperationsFigures }) {
  const attention = o.flaggedPayments + o.failedRefunds + o.paidButPending;
  return (
    <section aria-labelledby="operations-heading" className="flex flex-col gap-2 rounded-lg border border-stone-200 p-4">
      <h2 id="operations-heading" className="text-lg font-medium">
        To do
      </h2>
      <ul className="flex flex-col divide-y divide-stone-100">
        <Row
          label="Orders to ship"
          value={o.awaitingShipment}
          detail={`${o.awaitingShipmentOver48h} waiting over 48 h`}
          href="/admin/orders?status=paid"
          alert={o.awaitingShipmentOver48h > 0}
        />
        <Row label="Awaiting payment" value={o.awaitingPayment} href="/admin/orders?status=pending" alert={false} />
        <Row label="Low-stock variants" value={o.lowStockVariants} detail={`${o.outOfStockVariants} out of stock`} alert={o.outOfStockVariants > 0} />
        <Row
          label="Payments needing attention"
          value={attention}
          detail={`${o.flaggedPayments} flagged, ${o.failedRefunds} failed refunds, ${o.paidButPending} paid but still pending`}
          alert={attention > 0}
        />
      </ul>
    </section>
  );
}
