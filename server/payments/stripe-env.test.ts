import { describe, expect, it } from "vitest";
import { parseEnv, stripeConfigured, stripeWebhookSecret } from "../env";

const base = { DATABASE_URL: "postgres://localhost/x", NEXTAUTH_SECRET: "s".repeat(40), LINK_SIGNING_SECRET: `k1:${"l".repeat(40)}` };

describe("Stripe settings", () => {
  it("without a secret key, uses the simulator, which signs its events with the configured webhook secret", () => {
    const env = parseEnv({ ...base, STRIPE_SECRET_KEY: "", STRIPE_WEBHOOK_SECRET: "whsec_local_random" });
    expect(stripeConfigured(env)).toBe(false);
    expect(stripeWebhookSecret(env)).toBe("whsec_local_random");
  });

  it("requires a webhook secret, with the secret key or without it", () => {
    expect(() => parseEnv({ ...base, STRIPE_SECRET_KEY: "sk_test_123" })).toThrow(/STRIPE_WEBHOOK_SECRET is not set/);
    expect(() => parseEnv({ ...base, STRIPE_WEBHOOK_SECRET: "" })).toThrow(/STRIPE_WEBHOOK_SECRET is not set/);
    const env = parseEnv({ ...base, STRIPE_SECRET_KEY: "sk_test_123", STRIPE_WEBHOOK_SECRET: "whsec_real" });
    expect(stripeConfigured(env)).toBe(true);
    expect(stripeWebhookSecret(env)).toBe("whsec_real");
  });

  it("refuses an API base that is not a URL", () => {
    expect(() => parseEnv({ ...base, STRIPE_WEBHOOK_SECRET: "whsec_x", STRIPE_API_BASE: "localhost:12111" })).toThrow(/STRIPE_API_BASE/);
  });
});
