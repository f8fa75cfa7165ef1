import type { ServiceContext } from "../context";
import { conflict, invalid } from "../errors";
import { findPayableOrder, testCardRefusal } from "./payable-order";
import { simulatedPaymentEvent, signStripePayload } from "./simulated-event";
import { findTestCard, type TestCard } from "./test-cards";

export interface SimulatedCardPayment {
  outcome: TestCard["outcome"];
  /** Wait this long before delivering (the delayed-success card). */
  delayMs: number;
  /** The order was opened through its signed link, not by its signed-in owner. */
  guest: boolean;
  /** Posts the signed event to the webhook; throws when the webhook does not accept it. */
  deliver: () => Promise<void>;
}

/**
 * The simulator playing Stripe: the card decides the outcome, which reaches the shop only as a Stripe-shaped,
 * Stripe-signed event posted to the webhook over HTTP, exactly the path a real payment's event takes.
 */
export async function simulateCardPayment(
  ctx: ServiceContext,
  input: { orderId: string; accessToken?: string; cardNumber: string; webhookUrl: string },
): Promise<SimulatedCardPayment> {
  const order = await findPayableOrder(ctx, input);
  const refusal = testCardRefusal(order);
  if (refusal || !order.payment) throw conflict(refusal ?? "This order has no payment");
  const card = findTestCard(input.cardNumber);
  if (!card) throw invalid("Use one of the test cards shown", { card: "Use one of the test cards shown" });

  const intent = { id: order.payment.paymentIntentId, amount: order.totalAmount, currency: order.currency, orderId: order.orderId };
  return {
    outcome: card.outcome,
    delayMs: card.delayMs ?? 0,
    guest: order.guest,
    async deliver() {
      // Built and signed at delivery, so a delayed event carries a fresh timestamp as Stripe's would.
      const payload = JSON.stringify(simulatedPaymentEvent(intent, card));
      const response = await fetch(input.webhookUrl, {
        method: "POST",
        headers: { "content-type": "application/json", "stripe-signature": signStripePayload(payload) },
        body: payload,
      });
      if (!response.ok) throw new Error(`the webhook at ${input.webhookUrl} answered ${response.status}`);
    },
  };
}
