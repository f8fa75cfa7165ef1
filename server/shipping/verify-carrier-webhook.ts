import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The X-Hmac-Signature EasyPost sends with a webhook: `hmac-sha256-hex=` and the hex HMAC-SHA256 of the raw body,
 * keyed with the webhook's secret in Unicode NFKD form (as EasyPost's own client libraries compute it). The carrier
 * simulator signs its tracker events with it.
 */
export function signCarrierWebhook(rawBody: string, secret: string): string {
  return `hmac-sha256-hex=${createHmac("sha256", secret.normalize("NFKD")).update(rawBody, "utf8").digest("hex")}`;
}

/** True when `signature` (the X-Hmac-Signature header) is the raw body's under `secret`; false when either is missing. */
export function verifyCarrierWebhook(rawBody: string, signature: string | null | undefined, secret: string | undefined): boolean {
  if (!signature || !secret) return false;
  const [given, expected] = [Buffer.from(signature.trim().toLowerCase()), Buffer.from(signCarrierWebhook(rawBody, secret))];
  return given.length === expected.length && timingSafeEqual(given, expected);
}
