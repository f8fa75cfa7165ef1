import { formatMoney } from "@/app/_components/format-money";
import type { OrderView } from "@/server/orders/schemas";

type Tone = "waiting" | "good" | "bad" | "neutral";

const TONES: Record<Tone, string> = {
  waiting: "border-amber-300 bg-amber-50",
  good: "border-brand-600 bg-brand-50",
  bad: "border-red-300 bg-red-50",
  neutral: "border-stone-300 bg-stone-50",
};

const CANCELLED_PAYMENT: Partial<Record<OrderView["paymentStatus"], string>> = {
  succeeded: "Your payment will be refunded.",
  partially_refunded: "Your payment is being refunded.",
  refunded: "Your payment was refunded.",
};

const capitalise = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

function describe(order: OrderView): { tone: Tone; title: string; text: string } {
  const n = `order #${order.number}`;
  const money = (amount: number) => formatMoney(amount, order.currency);
  switch (order.status) {
    case "paid":
      return {
        tone: "good",
        title: `Thank you, ${n} is paid`,
        text: order.refundedAmount > 0 ? `${money(order.refundedAmount)} of it has been refunded to you.` : "We are getting your items ready.",
      };
    case "refunded":
      return { tone: "neutral", title: `Order #${order.number} was refunded`, text: `${money(order.refundedAmount)} went back to your payment method.` };
    case "cancelled":
      return {
        tone: "bad",
        title: `Order #${order.number} was cancelled`,
        text: `${order.cancelReason ? `${capitalise(order.cancelReason)}. ` : ""}${CANCELLED_PAYMENT[order.paymentStatus] ?? "You have not been charged."}`,
      };
    case "pending":
      if (order.paymentStatus === "failed") {
        return { tone: "bad", title: "Your payment did not go through", text: "You have not been charged." };
      }
      if (order.paymentStatus === "succeeded") return { tone: "waiting", title: "Payment received, confirming your order…", text: "This takes a few seconds." };
      return { tone: "waiting", title: "Waiting for payment confirmation…", text: "This page updates by itself as soon as your payment is confirmed." };
  }
}

/** A live region: the change from "waiting" to "paid" (or "did not go through") is announced without moving focus. */
export function OrderStatusMessage({ order }: { order: OrderView }) {
  const { tone, title, text } = describe(order);
  return (
    <div role="status" className={`flex items-start gap-3 rounded-lg border p-4 ${TONES[tone]}`}>
      {tone === "waiting" && <span aria-hidden className="mt-1 size-4 shrink-0 animate-spin rounded-full border-2 border-amber-600 border-t-transparent" />}
      <div className="flex flex-col gap-1">
        <p className="font-semibold">{title}</p>
        <p className="text-sm text-stone-700">{text}</p>
      </div>
    </div>
  );
}
