import { describe, expect, it } from "vitest";
import { amountToText, parseAmount } from "./money";

describe("parseAmount", () => {
  it("converts currency units to minor units without floating-point error", () => {
    expect(parseAmount("12.34", "USD")).toEqual({ ok: true, amount: 1234 });
    expect(parseAmount("0.29", "USD")).toEqual({ ok: true, amount: 29 });
    expect(parseAmount("1,299.9", "USD")).toEqual({ ok: true, amount: 129990 });
    expect(parseAmount(" 7 ", "EUR")).toEqual({ ok: true, amount: 700 });
    expect(parseAmount("5.", "USD")).toEqual({ ok: true, amount: 500 });
  });

  it("follows the currency's minor units", () => {
    expect(parseAmount("1500", "JPY")).toEqual({ ok: true, amount: 1500 });
    expect(parseAmount("1.5", "JPY")).toMatchObject({ ok: false });
    expect(parseAmount("1.234", "KWD")).toEqual({ ok: true, amount: 1234 });
  });

  it("rejects what is not an amount", () => {
    for (const text of ["", "abc", "-1", "1.234", "1e3", "12.3.4"]) {
      expect(parseAmount(text, "USD"), text).toMatchObject({ ok: false });
    }
    expect(parseAmount("99999999999", "USD")).toMatchObject({ ok: false, message: "That amount is too large" });
  });
});

describe("amountToText", () => {
  it("round-trips with parseAmount", () => {
    expect(amountToText(1234, "USD")).toBe("12.34");
    expect(amountToText(5, "USD")).toBe("0.05");
    expect(amountToText(0, "USD")).toBe("0.00");
    expect(amountToText(1500, "JPY")).toBe("1500");
    for (const amount of [0, 1, 29, 1999, 123456]) {
      expect(parseAmount(amountToText(amount, "USD"), "USD")).toEqual({ ok: true, amount });
    }
  });
});
