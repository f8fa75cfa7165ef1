import { describe, expect, it } from "vitest";
import { hasSessionCookie } from "./session";

describe("the session cookie that decides whether next-auth is asked at all", () => {
  it("is found plain, secure and chunked", () => {
    expect(hasSessionCookie(["cart", "next-auth.session-token"])).toBe(true);
    expect(hasSessionCookie(["__Secure-next-auth.session-token"])).toBe(true);
    expect(hasSessionCookie(["next-auth.session-token.0", "next-auth.session-token.1"])).toBe(true);
  });

  it("is not mistaken in next-auth's other cookies or look-alikes", () => {
    expect(hasSessionCookie([])).toBe(false);
    expect(hasSessionCookie(["next-auth.csrf-token", "next-auth.callback-url", "__Host-next-auth.csrf-token"])).toBe(false);
    expect(hasSessionCookie(["next-auth.session-token-old", "x-next-auth.session-token"])).toBe(false);
  });
});
