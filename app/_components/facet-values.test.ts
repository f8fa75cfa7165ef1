import { describe, expect, it } from "vitest";
import { facetChoices } from "./facet-values";

describe("facetChoices", () => {
  it("keeps a selected value the facet no longer counts, so it can be unticked", () => {
    expect(facetChoices([{ value: "Acme", count: 3 }], ["Gone", "Acme"])).toEqual([
      { value: "Acme", count: 3 },
      { value: "Gone", count: 0 },
    ]);
  });

  it("puts letter sizes and numeric sizes in their natural order", () => {
    const letters = facetChoices([{ value: "L", count: 9 }, { value: "xs", count: 5 }, { value: "M", count: 4 }, { value: "XXL", count: 1 }]);
    expect(letters.map((v) => v.value)).toEqual(["xs", "M", "L", "XXL"]);
    const numbers = facetChoices([{ value: "10", count: 2 }, { value: "8", count: 7 }, { value: "9.5", count: 1 }]);
    expect(numbers.map((v) => v.value)).toEqual(["8", "9.5", "10"]);
  });

  it("leaves other values in the facet's order (most products first)", () => {
    const colours = facetChoices([{ value: "Navy", count: 9 }, { value: "Black", count: 2 }, { value: "S", count: 1 }]);
    expect(colours.map((v) => v.value)).toEqual(["Navy", "Black", "S"]);
  });
});
