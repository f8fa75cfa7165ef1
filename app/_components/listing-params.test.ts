import { describe, expect, it } from "vitest";
import { MAX_CHARGE_AMOUNT } from "@/server/limits";
import { canonicalListing, hasActiveFilters, listingHref, minorToUnits, parseListing } from "./listing-params";

describe("parseListing", () => {
  it("reads brands, option filters, prices in whole units, stock and page from the URL", () => {
    const listing = parseListing(
      { brand: ["Acme", "Borealis", "Acme"], size: "M", Colour: ["Navy", ""], min: "10", max: "49.99", instock: "1", page: "3", after: "abc" },
      { categorySlug: "shirts" },
    );
    expect(listing).toEqual({
      filters: {
        categorySlug: "shirts",
        brands: ["Acme", "Borealis"],
        options: { size: ["M"], colour: ["Navy"] },
        minPrice: 1000,
        maxPrice: 4999,
        inStock: true,
      },
      sort: "newest",
      page: 3,
    });
  });

  it("defaults to relevance for a query, newest otherwise, and ignores unknown sorts and bad prices", () => {
    expect(parseListing({ sort: "cheapest", min: "abc", max: "-5" }, { q: "  linen  " })).toEqual({
      filters: { q: "linen" },
      sort: "relevance",
      page: 1,
    });
    expect(parseListing({ sort: "relevance" }).sort).toBe("newest");
    expect(parseListing({ min: "80", max: "20" }).filters).toEqual({ minPrice: 2000, maxPrice: 8000 });
    expect(parseListing({ max: "5000000" }).filters).toEqual({ maxPrice: MAX_CHARGE_AMOUNT });
    expect(parseListing({ utm_source: "mail", gclid: "x", size: "M" }).filters).toEqual({ options: { size: ["M"] } });
    expect(parseListing({ sort: "price_desc" }).sort).toBe("price_desc");
  });

  it("reads a page number, falling back to the first page for anything else", () => {
    for (const page of ["0", "-2", "1.5", "two", "1e400", ""]) expect(parseListing({ page }).page).toBe(1);
    expect(parseListing({ page: "417" }).page).toBe(417);
    expect(parseListing({ page: "2", after: "x" }).filters).toEqual({});
  });

  it("tells whether the shopper set any filter of their own", () => {
    expect(hasActiveFilters(parseListing({}, { categorySlug: "shirts", q: "x" }).filters)).toBe(false);
    expect(hasActiveFilters(parseListing({ min: "0" }).filters)).toBe(true);
    expect(hasActiveFilters(parseListing({ size: "S" }).filters)).toBe(true);
  });
});

describe("listingHref", () => {
  const params = { brand: ["Acme", "Borealis"], sort: "price_asc", page: "2", after: "old-cursor" };

  it("keeps the other parameters and starts the listing over when something changes", () => {
    expect(listingHref("/c/shirts", params, { sort: "newest" })).toBe("/c/shirts?brand=Acme&brand=Borealis&sort=newest");
  });

  it("keeps a page only when it is set explicitly, and drops empty values", () => {
    expect(listingHref("/search", { q: "tee", min: "", page: "4" }, { page: "2" })).toBe("/search?q=tee&page=2");
    expect(listingHref("/c/shirts", {}, {})).toBe("/c/shirts");
  });
});

describe("minorToUnits", () => {
  it("shows minor units as whole currency units for the price fields", () => {
    expect(minorToUnits(4999)).toBe("49.99");
    expect(minorToUnits(4999, Math.ceil)).toBe("50");
    expect(minorToUnits(null)).toBe("");
  });
});

describe("canonicalListing", () => {
  it("keeps the path, the named keys and a page beyond the first, and drops filters, sorts and tracking", () => {
    expect(canonicalListing("/c/shirts", { brand: "Acme", sort: "price_asc", utm_source: "mail" })).toBe("/c/shirts");
    expect(canonicalListing("/c/shirts", { size: "M", page: "3" })).toBe("/c/shirts?page=3");
    expect(canonicalListing("/c/shirts", { page: "1" })).toBe("/c/shirts");
    expect(canonicalListing("/search", { q: "linen shirt", instock: "1", page: "2" }, ["q", "category"])).toBe("/search?q=linen+shirt&page=2");
  });
});
