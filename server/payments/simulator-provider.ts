import { createHash } from "node:crypto";
import type { PaymentProvider, ProviderPaymentIntent } from "./payment-provider";

const digest = (value: string) => createHash("sha256").update(value).digest("hex").slice(0, 24);

/** The simulator's intent id for an idempotency key: the same key always names the same intent, as with Stripe. */
export const simulatedIntentId = (idempotencyKey: string) => `pi_sim_${digest(idempotencyKey)}`;

/**
 * The payment simulator: no network and no state of its own. Outcomes reach us only as signed events from the
 * test-card page, so a retrieve cannot know more than our payments row already does and answers "awaiting", and there
 * is nothing to reconcile: it lists no refunds and no changed intents. Its refunds succeed at once.
 */
export function createSimulatorProvider(): PaymentProvider {
  const intent = (id: string, status: ProviderPaymentIntent["status"]): ProviderPaymentIntent => ({ id, clientSecret: null, status, failureReason: null });
  return {
    name: "simulator",
    createPaymentIntent: async ({ idempotencyKey }) => intent(simulatedIntentId(idempotencyKey), "awaiting"),
    retrievePaymentIntent: async (id) => intent(id, "awaiting"),
    cancelPaymentIntent: async (id) => intent(id, "cancelled"),
    refund: async ({ paymentIntentId, amount, refundId }) => ({
      id: `re_sim_${digest(refundId)}`,
      paymentIntentId,
      amount,
      currency: "",
      status: "succeeded",
      failureReason: null,
      refundId,
    }),
    listRefunds: async () => [],
    listChangedPaymentIntents: async () => [],
  };
}
