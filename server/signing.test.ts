import { beforeAll, describe, expect, it } from "vitest";
import { signLink, signValue, verifyLink, verifySignedValue } from "./signing";

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= "x".repeat(40);
  process.env.DATABASE_URL ??= "postgres://localhost/unused";
});

describe("signed values", () => {
  it("round-trips a value for the same purpose", () => {
    expect(verifySignedValue("cart", signValue("cart", "abc-123"))).toBe("abc-123");
  });

  it("rejects a token made for another purpose, a tampered value and garbage", () => {
    const token = signValue("cart", "abc-123");
    expect(verifySignedValue("order", token)).toBeNull();
    expect(verifySignedValue("cart", token.replace("abc", "abd"))).toBeNull();
    expect(verifySignedValue("cart", "no-signature")).toBeNull();
    expect(verifySignedValue("cart", undefined)).toBeNull();
  });
});

describe("signed links", () => {
  const old = { kid: "2026-06", secret: "o".repeat(40) };
  const current = { kid: "2026-12", secret: "c".repeat(40) };
  const tomorrow = new Date(Date.now() + 86_400_000);

  it("round-trips a value until it expires, and names the key that signed it", () => {
    const token = signLink("order", "abc-123", tomorrow, [current, old]);
    expect(token).toMatch(new RegExp(`^abc-123\\.${Math.floor(tomorrow.getTime() / 1000)}\\.2026-12\\.[\\w-]+$`));
    expect(verifyLink("order", token, [current, old])).toBe("abc-123");
    expect(verifyLink("order", signLink("order", "abc-123", new Date(Date.now() - 1000), [current]), [current])).toBeNull();
  });

  it("keeps verifying with a key listed after the signing key, and stops once that key id is removed", () => {
    const token = signLink("order", "abc-123", tomorrow, [old]);
    expect(verifyLink("order", token, [current, old])).toBe("abc-123");
    expect(verifyLink("order", token, [current])).toBeNull();
    expect(verifyLink("order", token, [{ kid: old.kid, secret: "n".repeat(40) }])).toBeNull();
  });

  it("rejects another purpose, a moved expiry, a cart cookie's signature and garbage", () => {
    const token = signLink("order", "abc-123", tomorrow, [current]);
    const later = String(Math.floor(tomorrow.getTime() / 1000) + 86_400 * 365);
    expect(verifyLink("pay", token, [current])).toBeNull();
    expect(verifyLink("order", token.replace(/\.\d+\./, `.${later}.`), [current])).toBeNull();
    expect(verifyLink("order", signValue("order", "abc-123"), [current])).toBeNull();
    for (const garbage of ["abc-123", "abc-123.1.2026-12", "", undefined]) expect(verifyLink("order", garbage, [current])).toBeNull();
  });

  it("signs with LINK_SIGNING_SECRET's first key by default", () => {
    expect(verifyLink("order", signLink("order", "abc-123", tomorrow))).toBe("abc-123");
  });
});
