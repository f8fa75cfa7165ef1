import type { PaySessionView } from "@/server/payments/get-pay-session";

/** Why there are no cards to choose: the order is past the payment step, or is not a simulator payment. */
export function PayStatus({ session }: { session: PaySessionView }) {
  const message =
    session.provider !== "simulator"
      ? "This order is not paid through the payment simulator."
      : session.paymentStatus === "failed"
        ? null
        : session.orderStatus === "cancelled" || session.paymentStatus === "cancelled"
          ? "This order was cancelled, so it can no longer be paid."
          : session.paymentStatus === "awaiting"
            ? "This order is no longer waiting for payment."
            : "This order is paid. Thank you!";
  if (!message) return null;
  return <p className="rounded-md border border-stone-200 bg-stone-50 px-4 py-3 text-sm text-stone-700">{message}</p>;
}
