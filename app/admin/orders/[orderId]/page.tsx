import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderAddress } from "@/app/_components/order-address";
import { OrderLines } from "@/app/_components/order-lines";
import { FulfilmentStatusBadge, OrderStatusBadge, PaymentStatusBadge } from "@/app/_components/order-status-badge";
import { OrderMessages } from "@/app/_components/order-messages";
import { OrderTimeline } from "@/app/_components/order-timeline";
import { getCaller } from "@/app/_trpc/server";
import { AdminOrderIdInput } from "@/server/orders/schemas";
import { requireAdmin } from "../../_lib/require-admin";
import { ShipmentsPanel } from "../../fulfilment/_components/shipments-panel";
import { AdminTime } from "../_components/admin-time";
import { CancelOrderButton } from "../_components/cancel-order-button";
import { Panel } from "../_components/panel";
import { FlaggedPaymentNotice, PaymentPanel } from "../_components/payment-panel";
import { RefundForm } from "../_components/refund-form";
import { ResendMessageButton } from "../_components/resend-message-button";
import { ReturnsPanel } from "../_components/returns-panel";
import { StockTables } from "../_components/stock-tables";

export const metadata: Metadata = { title: "Order" };

export default async function AdminOrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  await requireAdmin(`/admin/orders/${orderId}`);
  if (!AdminOrderIdInput.safeParse({ orderId }).success) notFound();
  const order = await (await getCaller()).adminOrders.get({ orderId }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });

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
          <FulfilmentStatusBadge status={order.fulfilmentStatus} />
        </div>
        <p className="text-sm text-stone-600">
          Placed <AdminTime at={order.placedAt} /> by {order.customer ? `${order.customer.name ?? order.customer.email} (${order.customer.email})` : `a guest (${order.email})`}
          {order.status === "pending" && <> · stock reserved until <AdminTime at={order.reservationExpiresAt} /></>}
        </p>
        {order.cancelReason && <p className="text-sm text-stone-700">Cancelled {order.cancelledAt && <AdminTime at={order.cancelledAt} />}: {order.cancelReason}</p>}
      </div>

      {order.payment?.flaggedReason && <FlaggedPaymentNotice payment={order.payment} />}
      {order.status === "pending" && (
        <Panel title="Cancel">
          <p className="text-sm text-stone-600">The order is not paid. Cancelling it stops its payment and puts its stock back on sale.</p>
          <CancelOrderButton orderId={order.id} number={order.number} />
        </Panel>
      )}
      {order.status === "paid" && (
        <Panel title="Refund">
          <RefundForm orderId={order.id} currency={order.currency} totalAmount={order.totalAmount} refundedAmount={refundedOrPending(order)} />
        </Panel>
      )}
      <ReturnsPanel orderId={order.id} />

      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex flex-col gap-6">
          <Panel title="Lines">
            <OrderLines order={order} />
          </Panel>
          {order.status !== "pending" && <ShipmentsPanel shipments={order.shipments} />}
          <StockTables reservations={order.reservations} movements={order.stockMovements} />
        </div>
        <div className="flex flex-col gap-6">
          <PaymentPanel payment={order.payment} reconciliation={order.reconciliation} />
          <Panel title="Shipping">
            <OrderAddress address={order.shippingAddress} />
            <p className="text-sm text-stone-600">{order.email}</p>
          </Panel>
          <Panel title="Events and saga steps">
            <OrderTimeline events={order.events} allDetails />
          </Panel>
          <Panel title="Messages">
            <OrderMessages messages={order.messages} showRecipient action={(message) => <ResendMessageButton notificationId={message.id} />} />
          </Panel>
        </div>
      </div>
    </div>
  );
}

/** What a new refund must leave room for: refunds made, and those still waiting for the provider's answer. */
function refundedOrPending(order: { refundedAmount: number; payment: { refunds: { amount: number; status: string }[] } | null }): number {
  return order.refundedAmount + (order.payment?.refunds ?? []).filter((r) => r.status === "pending").reduce((sum, r) => sum + r.amount, 0);
}
