import { describe, expect, it } from "vitest";
import { pageSpan } from "./page-numbers";

describe("pageSpan", () => {
  it("says which products a page shows, out of how many", () => {
    expect(pageSpan(2, 24, 92).range).toBe("25–48 of 92");
    expect(pageSpan(4, 24, 92).range).toBe("73–92 of 92");
    expect(pageSpan(1, 24, 5).range).toBe("1–5 of 5");
    expect(pageSpan(1, 24, 0).range).toBe("0 of 0");
    expect(pageSpan(1, 24, 50_000).range).toBe("1–24 of 50,000");
  });

  it("links the first, last and neighbouring pages with gaps between", () => {
    expect(pageSpan(1, 24, 92).numbers).toEqual([1, 2, 3, 4]);
    expect(pageSpan(1, 24, 24).numbers).toEqual([1]);
    expect(pageSpan(1, 10, 200).numbers).toEqual([1, 2, null, 20]);
    expect(pageSpan(10, 10, 200).numbers).toEqual([1, null, 9, 10, 11, null, 20]);
    expect(pageSpan(4, 10, 200).numbers).toEqual([1, 2, 3, 4, 5, null, 20]);
    expect(pageSpan(20, 10, 200).numbers).toEqual([1, null, 19, 20]);
  });

  it("stops at the deepest page search can reach, 10,000 products in", () => {
    const span = pageSpan(1, 24, 50_000);
    expect(span.last).toBe(417);
    expect(span.numbers.at(-1)).toBe(417);
  });
});
