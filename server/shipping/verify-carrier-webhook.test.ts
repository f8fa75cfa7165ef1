import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signCarrierWebhook, verifyCarrierWebhook } from "./verify-carrier-webhook";

const body = JSON.stringify({ object: "Event", description: "tracker.updated", result: { status: "in_transit" } });
const secret = "whsec-carrier-test-0123456789abcdef";

describe("carrier webhook signature", () => {
  it("is EasyPost's: hmac-sha256-hex= and the hex HMAC-SHA256 of the raw body", () => {
    expect(signCarrierWebhook(body, secret)).toBe(`hmac-sha256-hex=${createHmac("sha256", secret).update(body).digest("hex")}`);
  });

  it("keys the HMAC with the secret in NFKD form, as EasyPost's clients do", () => {
    expect(signCarrierWebhook(body, "ﬁsecret")).toBe(signCarrierWebhook(body, "fisecret"));
  });

  it("accepts a good signature", () => {
    expect(verifyCarrierWebhook(body, signCarrierWebhook(body, secret), secret)).toBe(true);
  });

  it("refuses a changed body, another secret, or a malformed header", () => {
    const signature = signCarrierWebhook(body, secret);
    expect(verifyCarrierWebhook(body.replace("in_transit", "delivered"), signature, secret)).toBe(false);
    expect(verifyCarrierWebhook(body, signCarrierWebhook(body, "another-secret"), secret)).toBe(false);
    expect(verifyCarrierWebhook(body, signature.replace("hmac-sha256-hex=", ""), secret)).toBe(false);
  });

  it("refuses a missing signature, and everything when no secret is configured", () => {
    expect(verifyCarrierWebhook(body, undefined, secret)).toBe(false);
    expect(verifyCarrierWebhook(body, "", secret)).toBe(false);
    expect(verifyCarrierWebhook(body, signCarrierWebhook(body, secret), undefined)).toBe(false);
  });
});
