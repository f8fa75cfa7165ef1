import { describe, expect, it } from "vitest";
import { developmentEnv } from "@/test/env";
import { carrierWebhookSecret, easyPostConfig, parseEnv } from "../env";

const production = { ...developmentEnv, NODE_ENV: "production", STRIPE_SECRET_KEY: "sk_live_x" };

describe("carrier settings", () => {
  it("without an EasyPost key, runs the carrier simulator, which signs with the configured webhook secret", () => {
    const env = parseEnv({ ...developmentEnv, EASYPOST_API_KEY: "", EASYPOST_WEBHOOK_SECRET: "local-random" });
    expect(easyPostConfig(env)).toBeNull();
    expect(carrierWebhookSecret(env)).toBe("local-random");
  });

  it("with a key, uses EasyPost at its own API or the given base", () => {
    expect(easyPostConfig(parseEnv({ ...developmentEnv, EASYPOST_API_KEY: "EZTK123" }))).toEqual({ apiKey: "EZTK123", apiBase: undefined });
    const env = parseEnv({ ...developmentEnv, EASYPOST_API_KEY: "EZTK123", EASYPOST_API_BASE: "http://127.0.0.1:12114/v2" });
    expect(easyPostConfig(env)).toEqual({ apiKey: "EZTK123", apiBase: "http://127.0.0.1:12114/v2" });
    expect(() => parseEnv({ ...developmentEnv, EASYPOST_API_BASE: "localhost:12114" })).toThrow(/EASYPOST_API_BASE must be an http\(s\) URL/);
  });

  it("in production with a key, requires the webhook secret", () => {
    expect(() => parseEnv({ ...production, EASYPOST_API_KEY: "EZAK123" })).toThrow(/EASYPOST_API_KEY is set: set EASYPOST_WEBHOOK_SECRET/);
    expect(() => parseEnv({ ...production, EASYPOST_API_KEY: "EZAK123", EASYPOST_WEBHOOK_SECRET: "from-the-dashboard" })).not.toThrow();
    expect(() => parseEnv(production)).not.toThrow();
  });
});
