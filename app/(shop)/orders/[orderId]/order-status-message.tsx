import Link from "next/link";
import type { ReactNode } from "react";
import { formatMoney } from "@/app/_components/format-money";
import { HoldTime } from "@/app/_components/order-hold-time";
import type { ShopperOrderView } from "@/server/orders/schemas";
import { declineMessage } from "@/server/payments/test-cards";

type Tone = "waiting" | "good" | "bad" | "neutral";

const TONES: Record<Tone, string> = {
  waiting: "border-amber-300 bg-amber-50",
  good: "border-brand-600 bg-brand-50",
  bad: "border-red-300 bg-red-50",
  neutral: "border-stone-300 bg-stone-50",
};

const CANCELLED_PAYMENT: Partial<Record<ShopperOrderView["paymentStatus"], string>> = {
  succeeded: "Your payment will be refunded.",
  partially_refunded: "Your payment is being refunded.",
  refunded: "Your payment was refunded.",
};

const capitalise = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

interface Message {
  tone: Tone;
  title: string;
  text: ReactNode;
  /** Something is on its way that needs no action from the shopper: show a spinner. */
  busy?: boolean;
}

function describe(order: ShopperOrderView): Message {
  const n = `order #${order.number}`;
  const money = (amount: number) => formatMoney(amount, order.currency);
  const holdEnd = <HoldTime at={order.reservationExpiresAt} />;
  switch (order.status) {
    case "paid":
      return {
        tone: "good",
        title: `Thank you, ${n} is paid`,
        text: order.refundedAmount > 0 ? `${money(order.refundedAmount)} of it has been refunded to you.` : "We are getting your items ready.",
      };
    case "refunded":
      return { tone: "neutral", title: `Order #${order.number} was refunded`, text: `${money(order.refundedAmount)} went back to your payment method.` };
    case "cancelled": {
      const title = `Order #${order.number} was cancelled`;
      const refund = CANCELLED_PAYMENT[order.paymentStatus];
      if (!refund && order.cancelledAt && order.cancelledAt >= order.reservationExpiresAt) {
        return { tone: "bad", title, text: <>We held your items until {holdEnd}, but no payment went through by then, so they went back on sale. You have not been charged.</> };
      }
      return { tone: "bad", title, text: `${order.cancelReason ? `${capitalise(order.cancelReason)}. ` : ""}${refund ?? "You have not been charged."}` };
    }
    case "pending":
      if (order.paymentStatus === "succeeded") return { tone: "waiting", busy: true, title: "Payment received, confirming your order…", text: "This takes a few seconds." };
      if (order.paymentStatus === "processing") {
        return { tone: "waiting", busy: true, title: "Waiting for payment confirmation…", text: "Your payment is being processed. This page updates by itself as soon as it is confirmed." };
      }
      if (order.holdEnded) return { tone: "bad", title: "The hold on your items has ended", text: "This order was not paid in time and is being cancelled. You have not been charged." };
      if (order.payPath && order.declineReason) {
        return {
          tone: "bad",
          title: "Your payment did not go through",
          text: <>{declineMessage(order.declineReason)} You have not been charged. Try another card: we&apos;re holding your items until {holdEnd}.</>,
        };
      }
      if (order.payPath) return { tone: "waiting", title: `Order #${order.number} is waiting for your payment`, text: <>We&apos;re holding your items until {holdEnd}.</> };
      return { tone: "bad", title: "We could not open a payment for this order", text: <>You have not been charged. The order is cancelled when the hold on its items ends at {holdEnd}.</> };
  }
}

/** The status is a live region, so "waiting" turning into "paid" is announced without moving focus; "Pay now" sits outside it. */
export function OrderStatusMessage({ order }: { order: ShopperOrderView }) {
  const { tone, title, text, busy } = describe(order);
  return (
    <div className={`flex flex-wrap items-center gap-4 rounded-lg border p-4 ${TONES[tone]}`}>
      <div role="status" className="flex flex-1 items-start gap-3">
        {busy && <span aria-hidden className="mt-1 size-4 shrink-0 animate-spin rounded-full border-2 border-amber-600 border-t-transparent" />}
        <div className="flex flex-col gap-1">
          <p className="font-semibold">{title}</p>
          <p className="text-sm text-stone-700">{text}</p>
        </div>
      </div>
      {order.status === "pending" && order.payPath && (
        <Link href={order.payPath} className="rounded-md bg-stone-900 px-4 py-2 text-sm font-semibold text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900">
          Pay now
        </Link>
      )}
    </div>
  );
}
