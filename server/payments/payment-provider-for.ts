import type { ServiceContext } from "../context";
import { env } from "../env";
import type { PaymentProvider } from "./payment-provider";
import { createSimulatorProvider } from "./simulator-provider";
import { createStripeProvider } from "./stripe-provider";

let fromEnv: PaymentProvider | undefined;

function providerFromEnv(): PaymentProvider {
  const { STRIPE_SECRET_KEY: secretKey, STRIPE_API_BASE: apiBase } = env();
  return secretKey ? createStripeProvider({ secretKey, apiBase }) : createSimulatorProvider();
}

/** The context's provider (tests inject one), else Stripe when STRIPE_SECRET_KEY is set, else the simulator; chosen once. */
export function paymentProviderFor(ctx: ServiceContext): PaymentProvider {
  if (ctx.payments) return ctx.payments;
  fromEnv ??= providerFromEnv();
  return fromEnv;
}
