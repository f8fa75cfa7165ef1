import { formatMoney } from "@/app/_components/format-money";
import { PaymentStatusBadge } from "@/app/_components/order-status-badge";
import type { AdminOrderView } from "@/server/orders/admin-get-order";
import { AdminTime } from "./admin-time";
import { Panel } from "./panel";

type Payment = NonNullable<AdminOrderView["payment"]>;
type Refund = Payment["refunds"][number];

const REFUND_LABELS: Record<Refund["status"], string> = {
  succeeded: "Refunded",
  pending: "Refund pending",
  failed: "Refund failed",
};

/** Shown at the top of the order page: something about the payment needs an admin (an outcome for another amount…). */
export function FlaggedPaymentNotice({ payment }: { payment: Payment }) {
  return (
    <div role="alert" className="flex flex-col gap-1 rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900">
      <p className="font-semibold">Payment needs attention</p>
      <p>{payment.flaggedReason}</p>
      {payment.flaggedAt && (
        <p className="text-xs">
          Flagged <AdminTime at={payment.flaggedAt} />
        </p>
      )}
    </div>
  );
}

/** The payment, its refunds whatever their state, and what the reconciliation repaired (its ids are under Technical details). */
export function PaymentPanel({ payment, reconciliation }: Pick<AdminOrderView, "payment" | "reconciliation">) {
  return (
    <Panel title="Payment">
      {payment ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-stone-500">Provider</dt>
          <dd>{payment.provider}</dd>
          <dt className="text-stone-500">Amount</dt>
          <dd className="tabular-nums">{formatMoney(payment.amount, payment.currency)}</dd>
          <dt className="text-stone-500">Status</dt>
          <dd>
            <PaymentStatusBadge status={payment.status} />
          </dd>
          <dt className="text-stone-500">Updated</dt>
          <dd>
            <AdminTime at={payment.updatedAt} />
          </dd>
        </dl>
      ) : (
        <p className="text-sm text-stone-600">No payment was started for this order.</p>
      )}
      {payment && payment.refunds.length > 0 && (
        <ul aria-label="Refunds" className="flex flex-col gap-1 border-t border-stone-200 pt-2 text-sm">
          {payment.refunds.map((refund) => (
            <RefundRow key={refund.id} refund={refund} currency={payment.currency} />
          ))}
        </ul>
      )}
      {reconciliation.length > 0 && (
        <div className="flex flex-col gap-1 border-t border-stone-200 pt-2 text-sm">
          <h3 className="font-medium">Repaired by the reconciliation</h3>
          <ul aria-label="Reconciliation repairs" className="flex flex-col gap-1">
            {reconciliation.map((entry) => (
              <li key={entry.id}>
                <AdminTime at={entry.createdAt} />
                {entry.detail && <span className="block text-stone-600">{entry.detail}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Panel>
  );
}

function RefundRow({ refund, currency }: { refund: Refund; currency: string }) {
  return (
    <li className={refund.status === "failed" ? "text-red-800" : undefined}>
      {REFUND_LABELS[refund.status]} <span className="tabular-nums">{formatMoney(refund.amount, currency)}</span> <AdminTime at={refund.createdAt} />
      {refund.origin === "provider" && <span className="block text-stone-600">Made at the payment provider, not from this shop</span>}
      {refund.reason && <span className="block text-stone-600">{refund.reason}</span>}
      {refund.status === "failed" && refund.failureReason && <span className="block">Failed: {refund.failureReason}</span>}
    </li>
  );
}
