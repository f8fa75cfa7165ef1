import type { ShopEvent } from "@/inngest/events";
import { emitEvent } from "@/inngest/send";
import type { RecordedPaymentOutcome } from "./record-payment-outcome";

/** The shop event for a recorded change of a payment; `id` makes redeliveries of the same report one event. */
export function paymentOutcomeEvent(recorded: RecordedPaymentOutcome, options: { id: string; reason?: string | null }): ShopEvent {
  const { orderId, paymentIntentId } = recorded;
  return recorded.status === "succeeded"
    ? { name: "shop/payment.succeeded", id: options.id, data: { orderId, paymentIntentId } }
    : { name: "shop/payment.failed", id: options.id, data: { orderId, paymentIntentId, reason: options.reason ?? "declined" } };
}

/**
 * Emits the event once the change is committed. A failure to send is logged, not thrown: the change is already
 * recorded, and the saga reads the payments row when its wait times out, so a lost event delays an order, never loses it.
 */
export async function announcePaymentOutcome(recorded: RecordedPaymentOutcome, options: { id: string; reason?: string | null }): Promise<void> {
  if (!recorded.changed) return;
  try {
    await emitEvent(paymentOutcomeEvent(recorded, options));
  } catch (error) {
    console.error(`payment ${recorded.paymentIntentId}: could not emit its ${recorded.status} event`, error);
  }
}
