import type { ReactNode } from "react";
import type { PaySessionView } from "@/server/payments/get-pay-session";
import { declineMessage } from "@/server/payments/test-cards";
import { HoldTime } from "./order-hold-time";

export function PayNotice({ alert = false, children }: { alert?: boolean; children: ReactNode }) {
  const tone = alert ? "border-red-200 bg-red-50 text-red-800" : "border-stone-200 bg-stone-50 text-stone-700";
  return (
    <div role={alert ? "alert" : undefined} className={`flex flex-col gap-1 rounded-md border px-4 py-3 text-sm ${tone}`}>
      {children}
    </div>
  );
}

/** Above a pay page's card form: why the last card was declined, and how long the items stay held. */
export function RetryNotice({ session }: { session: PaySessionView }) {
  const hold = (
    <p>
      We&apos;re holding your items until <HoldTime at={session.reservationExpiresAt} />.
    </p>
  );
  if (!session.failureReason) return <div className="text-sm text-stone-600">{hold}</div>;
  return (
    <PayNotice alert>
      <p className="font-semibold">{declineMessage(session.failureReason)} Try another card.</p>
      <p>No money was taken.</p>
      {hold}
    </PayNotice>
  );
}

/** Why a pay page takes no payment for this order. */
export function ClosedNotice({ session }: { session: PaySessionView }) {
  return (
    <PayNotice alert={session.failureReason !== null}>
      <p>{closedMessage(session)}</p>
    </PayNotice>
  );
}

function closedMessage(session: PaySessionView): string {
  const { orderStatus, paymentStatus, failureReason } = session;
  if (orderStatus === "paid" || paymentStatus === "succeeded") return "This order is paid. Thank you!";
  if (orderStatus === "refunded") return "This order was paid and then refunded.";
  if (orderStatus === "cancelled" || paymentStatus === "cancelled") {
    const declined = failureReason ? `${declineMessage(failureReason)} No money was taken. ` : "";
    return `${declined}This order was cancelled and its items went back on sale: add them to your cart again to place a new order.`;
  }
  if (paymentStatus === "processing") return "Your payment is being processed. The order page shows as soon as it is confirmed.";
  if (paymentStatus === null) return "The payment for this order could not be opened. Nothing was charged; the order is cancelled when its hold ends.";
  if (!session.acceptsPayment) return "The hold on this order's items has ended, so it can no longer be paid. Nothing was charged; the order is being cancelled.";
  return "This order cannot be paid with test cards.";
}
