import { beforeAll, describe, expect, it } from "vitest";
import { signValue, verifySignedValue } from "./signing";

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
