import { beforeAll, describe, expect, it } from "vitest";
import { signValue } from "../signing";
import { cartCookieHeader, readCartCookie } from "./cart-cookie";

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= "x".repeat(40);
  process.env.DATABASE_URL ??= "postgres://localhost/unused";
});

const cartId = "4f1c2a9e-8d3b-4c7a-9e2f-1a2b3c4d5e6f";

describe("the cart cookie", () => {
  it("round-trips a cart id through the Set-Cookie value", () => {
    const header = cartCookieHeader(cartId, { secure: false });
    expect(header).toMatch(/^emporium_cart=[^;]+; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(readCartCookie(header.split(";")[0]!.slice("emporium_cart=".length))).toBe(cartId);
    expect(cartCookieHeader(cartId, { secure: true })).toContain("; Secure");
  });

  it("treats a tampered, foreign-purpose, unsigned or missing cookie as no cart", () => {
    const token = signValue("cart", cartId);
    expect(readCartCookie(token.replace("4f1c", "4f1d"))).toBeNull();
    expect(readCartCookie(`${cartId}.${token.slice(-10)}`)).toBeNull();
    expect(readCartCookie(signValue("order", cartId))).toBeNull();
    expect(readCartCookie(cartId)).toBeNull();
    expect(readCartCookie(signValue("cart", "not-a-uuid"))).toBeNull();
    expect(readCartCookie(undefined)).toBeNull();
  });

  it("clears the cookie with an empty value that expires at once", () => {
    expect(cartCookieHeader(null, { secure: false })).toBe("emporium_cart=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
  });
});
