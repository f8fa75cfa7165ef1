import type { OrderStatus, PaymentStatus } from "@/server/orders/schemas";
import type { FulfilmentStatus } from "@/server/shipping/fulfilment-status";

const ORDER_STYLES: Record<OrderStatus, string> = {
  pending: "bg-amber-100 text-amber-900",
  paid: "bg-brand-100 text-brand-800",
  cancelled: "bg-stone-200 text-stone-700",
  refunded: "bg-sky-100 text-sky-900",
};

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending: "Awaiting payment",
  paid: "Paid",
  cancelled: "Cancelled",
  refunded: "Refunded",
};

const PAYMENT_STYLES: Record<PaymentStatus, string> = {
  awaiting: "bg-amber-100 text-amber-900",
  processing: "bg-amber-100 text-amber-900",
  succeeded: "bg-brand-100 text-brand-800",
  failed: "bg-red-100 text-red-800",
  cancelled: "bg-stone-200 text-stone-700",
  refunded: "bg-sky-100 text-sky-900",
  partially_refunded: "bg-sky-100 text-sky-900",
};

export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  awaiting: "Awaiting",
  processing: "Processing",
  succeeded: "Succeeded",
  failed: "Failed",
  cancelled: "Cancelled",
  refunded: "Refunded",
  partially_refunded: "Partially refunded",
};

const badge = "inline-block rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap";

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <span className={`${badge} ${ORDER_STYLES[status]}`}>{ORDER_STATUS_LABELS[status]}</span>;
}

/** Says "Payment …" to screen readers, so it is not mistaken for the order's own status beside it. */
export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  return (
    <span className={`${badge} ${PAYMENT_STYLES[status]}`}>
      <span className="sr-only">Payment </span>
      {PAYMENT_STATUS_LABELS[status]}
    </span>
  );
}

const FULFILMENT_STYLES: Record<FulfilmentStatus, string> = {
  unfulfilled: "bg-amber-100 text-amber-900",
  partially_shipped: "bg-sky-100 text-sky-900",
  shipped: "bg-sky-100 text-sky-900",
  delivered: "bg-brand-100 text-brand-800",
};

export const FULFILMENT_STATUS_LABELS: Record<FulfilmentStatus, string> = {
  unfulfilled: "Unfulfilled",
  partially_shipped: "Partially shipped",
  shipped: "Shipped",
  delivered: "Delivered",
};

/** Nothing for an order with nothing to ship; says "Fulfilment …" to screen readers. */
export function FulfilmentStatusBadge({ status }: { status: FulfilmentStatus | null }) {
  if (!status) return null;
  return (
    <span className={`${badge} ${FULFILMENT_STYLES[status]}`}>
      <span className="sr-only">Fulfilment </span>
      {FULFILMENT_STATUS_LABELS[status]}
    </span>
  );
}
