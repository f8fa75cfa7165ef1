import type { ServiceContext } from "../context";
import type { PaymentStatus } from "../orders/schemas";
import { findPayableOrder, lastPaymentFailure, testCardRefusal } from "./payable-order";
import type { PaymentOrderInput } from "./schemas";

export interface PaySessionView {
  orderId: string;
  number: number;
  orderStatus: "pending" | "paid" | "cancelled" | "refunded";
  totalAmount: number;
  currency: string;
  provider: string | null;
  paymentStatus: PaymentStatus | null;
  /** Decline code of the last failed attempt ("insufficient_funds"…), while that decline is what stopped the payment. */
  failureReason: string | null;
  /** The test cards may be used: a simulator payment still awaiting, and no real Stripe account configured. */
  canPay: boolean;
  /** Opened through the signed link rather than by the signed-in owner. */
  guest: boolean;
}

/** What the simulator's test-card page shows. */
export async function getPaySession(ctx: ServiceContext, input: PaymentOrderInput): Promise<PaySessionView> {
  const order = await findPayableOrder(ctx, input);
  const { payment } = order;
  return {
    orderId: order.orderId,
    number: order.number,
    orderStatus: order.orderStatus,
    totalAmount: order.totalAmount,
    currency: order.currency,
    provider: payment?.provider ?? null,
    paymentStatus: payment?.status ?? null,
    failureReason: payment?.status === "failed" || payment?.status === "cancelled" ? await lastPaymentFailure(ctx, order.orderId) : null,
    canPay: testCardRefusal(order) === null,
    guest: order.guest,
  };
}
