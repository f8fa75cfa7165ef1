import { signValue, verifySignedValue } from "../signing";

export const CART_COOKIE = "emporium_cart";
const MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The guest cart id inside a cart cookie, or null when the cookie is missing, tampered with or not ours. */
export function readCartCookie(value: string | undefined | null): string | null {
  const id = verifySignedValue("cart", value);
  return id && UUID.test(id) ? id : null;
}

/** A Set-Cookie header value that stores the guest cart id (httpOnly, 30 days), or clears the cookie when id is null. */
export function cartCookieHeader(id: string | null, options: { secure: boolean }): string {
  const attributes = ["Path=/", "HttpOnly", "SameSite=Lax", ...(options.secure ? ["Secure"] : [])];
  if (id === null) return [`${CART_COOKIE}=`, "Max-Age=0", ...attributes].join("; ");
  return [`${CART_COOKIE}=${signValue("cart", id)}`, `Max-Age=${MAX_AGE_SECONDS}`, ...attributes].join("; ");
}
