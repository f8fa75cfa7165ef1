import { describe, expect, it } from "vitest";
import { quantityProblem } from "./cart-line-row";

describe("a typed cart quantity", () => {
  it("says why a quantity above the cap is not taken, instead of silently reverting", () => {
    expect(quantityProblem("150")).toBe("You can buy at most 99 of one item, so the quantity stays as it was.");
    expect(quantityProblem("100")).toMatch(/at most 99/);
  });

  it("says what to type for a blank, zero, negative or fractional quantity", () => {
    for (const typed of ["", " ", "0", "-3", "2.5", "two"]) expect(quantityProblem(typed)).toBe("Enter a whole number from 1 to 99, or use Remove.");
  });

  it("takes whole numbers from 1 to 99", () => {
    for (const typed of ["1", "42", "99"]) expect(quantityProblem(typed)).toBeNull();
  });
});
