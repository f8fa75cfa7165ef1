import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderAddress } from "@/app/_components/order-address";
import { OrderLines } from "@/app/_components/order-lines";
import { FulfilmentStatusBadge, OrderStatusBadge, PaymentStatusBadge } from "@/app/_components/order-status-badge";
import { OrderMessages } from "@/app/_components/order-messages";
import { getCaller } from "@/app/_trpc/server";
import type { AdminOrderView } from "@/server/orders/admin-get-order";
import { AdminOrderIdInput } from "@/server/orders/schemas";
import { isFullAdmin, requireAdmin } from "../../_lib/require-admin";
import { ShipmentsPanel } from "../../fulfilment/_components/shipments-panel";
import { AdminTime } from "../_components/admin-time";
import { CancelOrderButton, type PaidCancellation } from "../_components/cancel-order-button";
import { OrderHistoryPanel } from "../_components/order-history-panel";
import { OrderNotes } from "../_components/order-notes";
import { Panel } from "../_components/panel";
import { FlaggedPaymentNotice, PaymentPanel } from "../_components/payment-panel";
import { RefundPanel } from "../_components/refund-panel";
import { ResendMessageButton } from "../_components/resend-message-button";
import { ReturnsPanel } from "../_components/returns-panel";
import { TechnicalDetails } from "../_components/technical-details";

export const metadata: Metadata = { title: "Order" };

export default async function AdminOrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const user = await requireAdmin(`/admin/orders/${orderId}`);
  const canRefund = isFullAdmin(user);
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
          Placed <AdminTime at={order.placedAt} />
          {order.status === "pending" && <> · stock reserved until <AdminTime at={order.reservationExpiresAt} /></>}
        </p>
      </div>

      {order.payment?.flaggedReason && <FlaggedPaymentNotice payment={order.payment} />}

      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex flex-col gap-6">
          <Panel title="Lines">
            <OrderLines order={order} />
          </Panel>
          {order.status === "paid" && canRefund && (
            <Panel title="Refund">
              <RefundPanel orderId={order.id} currency={order.currency} totalAmount={order.totalAmount} refundedAmount={refundedOrPending(order)} lines={order.lines} />
            </Panel>
          )}
          {order.status !== "pending" && <ShipmentsPanel shipments={order.shipments} />}
          <ReturnsPanel orderId={order.id} canRefund={canRefund} />
          <OrderHistoryPanel order={order} />
        </div>
        <div className="flex flex-col gap-6">
          <CustomerPanel order={order} />
          {order.status === "pending" && (
            <Panel title="Cancel">
              <p className="text-sm text-stone-600">The order is not paid. Cancelling it stops its payment and puts its stock back on sale.</p>
              <CancelOrderButton orderId={order.id} number={order.number} />
            </Panel>
          )}
          {order.status === "paid" && canRefund && !hasLeft(order) && (
            <Panel title="Cancel">
              <p className="text-sm text-stone-600">Nothing has shipped yet. Cancelling refunds the customer, puts the stock back on sale and voids any label bought.</p>
              <CancelOrderButton orderId={order.id} number={order.number} paid={paidCancellation(order)} />
            </Panel>
          )}
          <PaymentPanel payment={order.payment} reconciliation={order.reconciliation} />
          <Panel title="Notes">
            <OrderNotes orderId={order.id} notes={order.notes} />
          </Panel>
          <Panel title="Messages">
            <OrderMessages messages={order.messages} showRecipient action={(message) => <ResendMessageButton notificationId={message.id} />} />
          </Panel>
        </div>
      </div>
      <TechnicalDetails order={order} />
    </div>
  );
}

function CustomerPanel({ order }: { order: AdminOrderView }) {
  return (
    <Panel title="Customer">
      {order.customer ? (
        <p className="text-sm">
          <Link href={`/admin/customers/${order.customer.id}`} className="font-medium underline">
            {order.customer.name ?? order.customer.email}
          </Link>
          <span className="block text-stone-600">{order.customer.email}</span>
        </p>
      ) : (
        <p className="text-sm">
          Guest checkout <span className="block text-stone-600">{order.email}</span>
        </p>
      )}
      <h3 className="text-sm font-medium">Ships to</h3>
      <OrderAddress address={order.shippingAddress} />
    </Panel>
  );
}

/** What a new refund must leave room for: refunds made, and those still waiting for the provider's answer. */
function refundedOrPending(order: { refundedAmount: number; payment: { refunds: { amount: number; status: string }[] } | null }): number {
  return order.refundedAmount + (order.payment?.refunds ?? []).filter((r) => r.status === "pending").reduce((sum, r) => sum + r.amount, 0);
}

const LEFT_THE_WAREHOUSE = new Set(["in_transit", "out_for_delivery", "exception", "delivered", "returned"]);

/** A parcel of the order is on its way (or back): too late to cancel, its lines are refunded or returned instead. */
function hasLeft(order: AdminOrderView): boolean {
  return order.shipments.some((s) => LEFT_THE_WAREHOUSE.has(s.status));
}

/** What cancelling this paid order does: the refund of what is left, the units it holds back on sale, the labels voided. */
function paidCancellation(order: AdminOrderView): PaidCancellation {
  const held = -order.stockMovements.reduce((sum, m) => sum + m.onHandDelta, 0);
  const labels = order.shipments.filter((s) => s.status === "label_purchased").length;
  return { refundAmount: order.totalAmount - refundedOrPending(order), currency: order.currency, units: Math.max(held, 0), labels };
}
