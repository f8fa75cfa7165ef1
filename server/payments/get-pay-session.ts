import type { ServiceContext } from "../context";
import type { PaymentStatus } from "../orders/schemas";
import { findPayableOrder, lastPaymentFailure, takesPayment, testCardRefusal } from "./payable-order";
import type { PaymentOrderInput } from "./schemas";

export interface PaySessionView {
  orderId: string;
  number: number;
  orderStatus: "pending" | "paid" | "cancelled" | "refunded";
  totalAmount: number;
  currency: string;
  provider: string | null;
  paymentStatus: PaymentStatus | null;
  /** Decline code of the last failed attempt ("insufficient_funds"…), while that decline is the payment's latest word. */
  failureReason: string | null;
  /** The stock is held, and the order may be paid, until then. */
  reservationExpiresAt: Date;
  /** The order still takes a payment (by any provider); after a decline that means another card may be tried. */
  acceptsPayment: boolean;
  /** The test cards may be used: a simulator payment that still takes a payment, and no real Stripe account configured. */
  canPay: boolean;
  /** Opened through the signed link rather than by the signed-in owner. */
  guest: boolean;
}

/** What the pay pages show: the simulator's test cards and Stripe Elements. */
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
    reservationExpiresAt: order.reservationExpiresAt,
    acceptsPayment: takesPayment(order),
    canPay: testCardRefusal(order) === null,
    guest: order.guest,
  };
}
