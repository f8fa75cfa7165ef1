import type { PaySessionView } from "@/server/payments/get-pay-session";
import { declineMessage } from "@/server/payments/test-cards";

/** Why there are no cards to choose: the card was declined, the order is past the payment step, or Stripe takes it. */
export function PayStatus({ session }: { session: PaySessionView }) {
  if (session.failureReason) {
    return (
      <div role="alert" className="flex flex-col gap-1 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
        <p className="font-semibold">{declineMessage(session.failureReason)} No money was taken.</p>
        <p>
          {session.orderStatus === "cancelled" ? "This order has been cancelled" : "This order will be cancelled"} and its items go back on sale. Add them
          to your cart again to place a new order.
        </p>
      </div>
    );
  }
  const message =
    session.provider !== "simulator"
      ? "This order is not paid through the payment simulator."
      : session.orderStatus === "cancelled" || session.paymentStatus === "cancelled"
        ? "This order was cancelled, so it can no longer be paid."
        : session.paymentStatus === "awaiting"
          ? "This order is no longer waiting for payment."
          : "This order is paid. Thank you!";
  return <p className="rounded-md border border-stone-200 bg-stone-50 px-4 py-3 text-sm text-stone-700">{message}</p>;
}
