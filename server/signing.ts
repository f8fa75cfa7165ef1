import { createHmac, timingSafeEqual } from "node:crypto";
import { env, type LinkSigningKey } from "./env";

function hmac(secret: string, message: string) {
  return createHmac("sha256", secret).update(message).digest("base64url");
}

function sameSignature(given: string, expected: string) {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `value.signature`, bound to a purpose so a token made for one use (a cart cookie) is useless for another (an order link). */
export function signValue(purpose: string, value: string): string {
  return `${value}.${hmac(env().NEXTAUTH_SECRET, `${purpose}:${value}`)}`;
}

/** The value inside a token made by signValue for the same purpose, or null when it was tampered with. */
export function verifySignedValue(purpose: string, token: string | undefined | null): string | null {
  if (!token) return null;
  const dot = token.lastIndexOf(".");
  if (dot <= 0) return null;
  const value = token.slice(0, dot);
  return sameSignature(token.slice(dot + 1), hmac(env().NEXTAUTH_SECRET, `${purpose}:${value}`)) ? value : null;
}

/**
 * A link token, `value.expiry.kid.signature`, signed with LINK_SIGNING_SECRET's first key, not the session secret,
 * so links survive a session-secret rotation and die with their own key or at `expiresAt`.
 */
export function signLink(purpose: string, value: string, expiresAt: Date, keys: LinkSigningKey[] = env().LINK_SIGNING_SECRET): string {
  const [key] = keys;
  const signed = `${value}.${Math.floor(expiresAt.getTime() / 1000)}.${key!.kid}`;
  return `${signed}.${hmac(key!.secret, `${purpose}:${signed}`)}`;
}

/** The value inside a link made by signLink for the same purpose, or null when it is forged, expired or its key was retired. */
export function verifyLink(purpose: string, token: string | undefined | null, keys: LinkSigningKey[] = env().LINK_SIGNING_SECRET): string | null {
  const parts = token?.split(".") ?? [];
  if (parts.length < 4) return null;
  const [expiry, kid, signature] = parts.slice(-3) as [string, string, string];
  const key = keys.find((k) => k.kid === kid);
  const signed = parts.slice(0, -1).join(".");
  if (!key || !/^\d+$/.test(expiry) || !sameSignature(signature, hmac(key.secret, `${purpose}:${signed}`))) return null;
  return Number(expiry) * 1000 > Date.now() ? parts.slice(0, -3).join(".") : null;
}
