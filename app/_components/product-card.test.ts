import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ProductCard as ProductCardData } from "@/server/catalog/schemas";
import { ProductCard } from "./product-card";
import { cardView } from "./product-grid";

const product = (over: Partial<ProductCardData>): ProductCardData => ({
  id: 7, slug: "wool-coat", title: "Wool Coat", brand: "Fieldhouse", priceMin: 12900, priceMax: 12900, compareAt: null, currency: "USD",
  imageUrl: "/img/p/7-1_jackets-coats.svg", imageAlt: "Wool Coat in Navy, front view", inStock: true, createdAt: new Date("2026-01-01T00:00:00Z"), ...over,
});
const render = (over: Partial<ProductCardData>, priority = false) => renderToStaticMarkup(createElement(ProductCard, { card: cardView(product(over)), priority }));

describe("product cards", () => {
  it("links the title to the product and shows its brand, price and picture", () => {
    const html = render({});
    expect(html).toMatch(/<h3[^>]*><a [^>]*href="\/p\/wool-coat">Wool Coat<\/a><\/h3>/);
    expect(html).toContain(">Fieldhouse<");
    expect(html).toContain(">$129.00<");
    expect(html).toMatch(/<img src="\/img\/p\/7-1_jackets-coats.svg" alt="Wool Coat in Navy, front view" loading="lazy"/);
    expect(html).not.toContain("Out of stock");
  });

  it("describes a picture without alt text by the title, and says when there is no picture", () => {
    expect(render({ imageAlt: "" })).toContain('alt="Wool Coat"');
    const bare = render({ imageUrl: null });
    expect(bare).not.toContain("<img");
    expect(bare).toContain("No image");
  });

  it("marks a product out of stock, and fetches the first row's pictures at once", () => {
    expect(render({ inStock: false })).toContain("Out of stock");
    expect(render({}, true)).toMatch(/<img[^>]* loading="eager" fetchPriority="high"/);
  });

  it("hands the client only what the card shows", () => {
    expect(Object.keys(cardView(product({}))).sort()).toEqual(["brand", "href", "image", "inStock", "price", "sale", "title"]);
  });
});
