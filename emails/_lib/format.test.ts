import { describe, expect, it } from "vitest";
import { countryName, formatDateTime, formatDay, formatMoney } from "./format";

describe("formatMoney", () => {
  it("uses each currency's own number of decimals", () => {
    expect(formatMoney(129900, "USD")).toBe("$1,299.00");
    expect(formatMoney(1500, "JPY")).toBe("¥1,500");
    expect(formatMoney(1500, "KWD")).toBe("KWD\u00a01.500");
    expect(formatMoney(0, "EUR")).toBe("€0.00");
  });
});

describe("dates", () => {
  it("reads a timestamp in the given zone and names the zone", () => {
    expect(formatDateTime("2026-12-03T23:30:00Z", "America/New_York")).toBe("Dec 3, 2026, 6:30 PM EST");
    expect(formatDay("2026-12-03T23:30:00Z", "Asia/Tokyo")).toBe("Friday, December 4");
  });
});

describe("countryName", () => {
  it("names a region code and leaves anything else as it was", () => {
    expect(countryName("GB")).toBe("United Kingdom");
    expect(countryName("not a code")).toBe("not a code");
  });
});
