import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { findPayableOrder } from "./payable-order";
import { paymentProviderFor } from "./payment-provider-for";
import { recordPaymentOutcome } from "./record-payment-outcome";
import type { PaymentOrderInput } from "./schemas";

/**
 * The browser's side of a payment: after the card step it asks the provider how the PaymentIntent stands and records
 * that, the same way the webhook does. Whichever of the two arrives first changes the payment; the other changes nothing.
 */
export async function confirmPayment(ctx: ServiceContext, input: PaymentOrderInput) {
  const order = await findPayableOrder(ctx, input);
  const { payment } = order;
  if (!payment) throw notFound("Payment");
  const current = { paymentStatus: payment.status, orderStatus: order.orderStatus };
  const provider = paymentProviderFor(ctx);
  if ((payment.status !== "awaiting" && payment.status !== "failed") || provider.name !== payment.provider) return current;

  const intent = await provider.retrievePaymentIntent(payment.paymentIntentId);
  if (intent.status !== "succeeded" && intent.status !== "failed") return current;
  const reason = intent.failureReason ?? undefined;
  const recorded = await recordPaymentOutcome(ctx, { orderId: order.orderId, paymentIntentId: intent.id, outcome: intent.status, reason });
  return { paymentStatus: recorded.status, orderStatus: order.orderStatus };
}
