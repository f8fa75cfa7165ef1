import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "./env";

function mac(purpose: string, value: string) {
  return createHmac("sha256", env().NEXTAUTH_SECRET).update(`${purpose}:${value}`).digest("base64url");
}

/** `value.signature`, bound to a purpose so a token made for one use (a cart cookie) is useless for another (an order link). */
export function signValue(purpose: string, value: string): string {
  return `${value}.${mac(purpose, value)}`;
}

/** The value inside a token made by signValue for the same purpose, or null when it was tampered with. */
export function verifySignedValue(purpose: string, token: string | undefined | null): string | null {
  if (!token) return null;
  const dot = token.lastIndexOf(".");
  if (dot <= 0) return null;
  const value = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(purpose, value));
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
}
