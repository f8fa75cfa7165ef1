import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ProductCard as ProductCardData } from "@/server/catalog/schemas";
import { VariantPrice, saleOf } from "./price";
import { ProductCard } from "./product-card";
import { cardView } from "./product-grid";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

const card = (over: Partial<ProductCardData>): ProductCardData => ({
  id: 1, slug: "chinos", title: "Chinos", brand: "Coastal", priceMin: 5500, priceMax: 5500, compareAt: null, currency: "USD",
  imageUrl: null, imageAlt: "", inStock: true, createdAt: new Date("2026-01-01T00:00:00Z"), ...over,
});

describe("sale prices", () => {
  it("is a sale only when the compare-at price is above the price, rounding the saving down", () => {
    expect(saleOf(5500, null)).toBeNull();
    expect(saleOf(5500, 5500)).toBeNull();
    expect(saleOf(5500, 4000)).toBeNull();
    expect(saleOf(5500, 6900)).toEqual({ compareAt: 6900, percentOff: 20 });
    expect(saleOf(5000, 10000)).toEqual({ compareAt: 10000, percentOff: 50 });
    expect(saleOf(9999, 10000)).toEqual({ compareAt: 10000, percentOff: 1 });
  });

  it("shows a card on sale with its price, the price it was and the % off", () => {
    expect(text(renderToStaticMarkup(createElement(ProductCard, { card: cardView(card({ compareAt: 6900 })) })))).toContain("$55.00 Was $69.00 20% off");
    const ranged = renderToStaticMarkup(createElement(ProductCard, { card: cardView(card({ priceMax: 7000, compareAt: 6900 })) }));
    expect(text(ranged)).toContain("From $55.00 Was $69.00 20% off");
    expect(ranged).toMatch(/<s[^>]*>/);
  });

  it("shows a card not on sale with its price alone", () => {
    const html = text(renderToStaticMarkup(createElement(ProductCard, { card: cardView(card({})) })));
    expect(html).toContain("$55.00");
    expect(html).not.toMatch(/Was|% off/);
  });

  it("gives the product page the same sale details", () => {
    expect(text(renderToStaticMarkup(createElement(VariantPrice, { amount: 5500, compareAt: 6900, currency: "USD" })))).toBe("$55.00 Was $69.00 20% off");
    expect(text(renderToStaticMarkup(createElement(VariantPrice, { amount: 5500, compareAt: null, currency: "USD" })))).toBe("$55.00");
  });
});
