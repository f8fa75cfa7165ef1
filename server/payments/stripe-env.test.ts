import { describe, expect, it } from "vitest";
import { LOCAL_STRIPE_WEBHOOK_SECRET, parseEnv, stripeConfigured, stripeWebhookSecret } from "../env";

const base = { DATABASE_URL: "postgres://localhost/x", NEXTAUTH_SECRET: "s".repeat(40) };

describe("Stripe settings", () => {
  it("without a secret key, uses the simulator and signs its events with the fixed local secret", () => {
    const env = parseEnv({ ...base, STRIPE_SECRET_KEY: "", STRIPE_WEBHOOK_SECRET: "" });
    expect(stripeConfigured(env)).toBe(false);
    expect(stripeWebhookSecret(env)).toBe(LOCAL_STRIPE_WEBHOOK_SECRET);
  });

  it("requires the webhook secret with the secret key, and uses it", () => {
    expect(() => parseEnv({ ...base, STRIPE_SECRET_KEY: "sk_test_123" })).toThrow(/STRIPE_WEBHOOK_SECRET .* is required with STRIPE_SECRET_KEY/);
    const env = parseEnv({ ...base, STRIPE_SECRET_KEY: "sk_test_123", STRIPE_WEBHOOK_SECRET: "whsec_real" });
    expect(stripeConfigured(env)).toBe(true);
    expect(stripeWebhookSecret(env)).toBe("whsec_real");
  });

  it("refuses an API base that is not a URL", () => {
    expect(() => parseEnv({ ...base, STRIPE_API_BASE: "localhost:12111" })).toThrow(/STRIPE_API_BASE/);
  });
});
