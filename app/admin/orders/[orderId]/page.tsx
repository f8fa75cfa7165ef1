import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatMoney } from "@/app/_components/format-money";
import { OrderAddress } from "@/app/_components/order-address";
import { OrderLines } from "@/app/_components/order-lines";
import { OrderStatusBadge, PaymentStatusBadge } from "@/app/_components/order-status-badge";
import { OrderTimeline } from "@/app/_components/order-timeline";
import { getCaller } from "@/app/_trpc/server";
import { AdminOrderIdInput } from "@/server/orders/schemas";
import { requireAdmin } from "../../_lib/require-admin";
import { CancelOrderButton } from "../_components/cancel-order-button";
import { Panel } from "../_components/panel";
import { RefundForm } from "../_components/refund-form";
import { StockTables } from "../_components/stock-tables";

export const metadata: Metadata = { title: "Order" };

const timeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium" });
const when = (date: Date) => <time dateTime={date.toISOString()}>{timeFormat.format(date)}</time>;

export default async function AdminOrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  await requireAdmin(`/admin/orders/${orderId}`);
  if (!AdminOrderIdInput.safeParse({ orderId }).success) notFound();
  const order = await (await getCaller()).adminOrders.get({ orderId }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { payment } = order;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <Link href="/admin/orders" className="text-sm underline">
          ← Orders
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">Order #{order.number}</h1>
          <OrderStatusBadge status={order.status} />
          <PaymentStatusBadge status={order.paymentStatus} />
        </div>
        <p className="text-sm text-stone-600">
          Placed {when(order.placedAt)} by {order.customer ? `${order.customer.name ?? order.customer.email} (${order.customer.email})` : `a guest (${order.email})`}
          {order.status === "pending" && <> · stock reserved until {when(order.reservationExpiresAt)}</>}
        </p>
        {order.cancelReason && <p className="text-sm text-stone-700">Cancelled {order.cancelledAt && when(order.cancelledAt)}: {order.cancelReason}</p>}
      </div>

      {order.status === "pending" && (
        <Panel title="Cancel">
          <p className="text-sm text-stone-600">The order is not paid. Cancelling it stops its payment and puts its stock back on sale.</p>
          <CancelOrderButton orderId={order.id} number={order.number} />
        </Panel>
      )}
      {order.status === "paid" && (
        <Panel title="Refund">
          <RefundForm orderId={order.id} currency={order.currency} totalAmount={order.totalAmount} refundedAmount={order.refundedAmount} />
        </Panel>
      )}

      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="flex flex-col gap-6">
          <Panel title="Lines">
            <OrderLines order={order} />
          </Panel>
          <StockTables reservations={order.reservations} movements={order.stockMovements} />
        </div>
        <div className="flex flex-col gap-6">
          <Panel title="Payment">
            {payment ? (
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-stone-500">Provider</dt>
                <dd>{payment.provider}</dd>
                <dt className="text-stone-500">Intent</dt>
                <dd className="font-mono text-xs break-all">{payment.providerPaymentId}</dd>
                <dt className="text-stone-500">Amount</dt>
                <dd className="tabular-nums">{formatMoney(payment.amount, payment.currency)}</dd>
                <dt className="text-stone-500">Status</dt>
                <dd>
                  <PaymentStatusBadge status={payment.status} />
                </dd>
                <dt className="text-stone-500">Updated</dt>
                <dd>{when(payment.updatedAt)}</dd>
              </dl>
            ) : (
              <p className="text-sm text-stone-600">No payment was started for this order.</p>
            )}
            {payment && payment.refunds.length > 0 && (
              <ul className="flex flex-col gap-1 border-t border-stone-200 pt-2 text-sm">
                {payment.refunds.map((r) => (
                  <li key={r.id}>
                    Refunded <span className="tabular-nums">{formatMoney(r.amount, payment.currency)}</span> {when(r.createdAt)}
                    {r.reason && <span className="block text-stone-600">{r.reason}</span>}
                  </li>
                ))}
              </ul>
            )}
          </Panel>
          <Panel title="Shipping">
            <OrderAddress address={order.shippingAddress} />
            <p className="text-sm text-stone-600">{order.email}</p>
          </Panel>
          <Panel title="Events and saga steps">
            <OrderTimeline events={order.events} allDetails />
          </Panel>
        </div>
      </div>
    </div>
  );
}
