import { createHash } from "node:crypto";
import type { PaymentProvider, ProviderPaymentIntent } from "./payment-provider";

/** The simulator's intent id for an idempotency key: the same key always names the same intent, as with Stripe. */
export const simulatedIntentId = (idempotencyKey: string) => `pi_sim_${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 24)}`;

/**
 * The payment simulator: no network and no state of its own. Outcomes reach us only as signed events from the
 * test-card page, so a retrieve cannot know more than our payments row already does and answers "awaiting".
 */
export function createSimulatorProvider(): PaymentProvider {
  const intent = (id: string, status: ProviderPaymentIntent["status"]): ProviderPaymentIntent => ({ id, clientSecret: null, status, failureReason: null });
  return {
    name: "simulator",
    createPaymentIntent: async ({ idempotencyKey }) => intent(simulatedIntentId(idempotencyKey), "awaiting"),
    retrievePaymentIntent: async (id) => intent(id, "awaiting"),
    cancelPaymentIntent: async (id) => intent(id, "cancelled"),
    refund: async ({ idempotencyKey }) => ({ id: `re_sim_${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 24)}` }),
  };
}
