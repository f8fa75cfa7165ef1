import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { galleryImages, ImageGallery } from "./image-gallery";
import { startingVariant } from "./variant-picker";

const images = [
  { url: "/img/p/1-1.svg", alt: "front" },
  { url: "/img/p/1-2.svg", alt: "back" },
];
const variant = (id: number, available: number, imageUrl: string | null = null) => ({
  id, sku: `S-${id}`, title: `${id}`, optionValues: {}, priceAmount: 100, currency: "USD", compareAtAmount: null, available, imageUrl, imageAlt: imageUrl ? "in navy" : null,
});

describe("the product image follows the chosen variant", () => {
  it("leads with the variant's own image, not repeating it among the product's", () => {
    expect(galleryImages(images, variant(1, 1, "/img/p/1-9.svg")).map((i) => i.url)).toEqual(["/img/p/1-9.svg", "/img/p/1-1.svg", "/img/p/1-2.svg"]);
    expect(galleryImages(images, variant(1, 1, "/img/p/1-2.svg"))).toEqual([{ url: "/img/p/1-2.svg", alt: "in navy" }, images[0]]);
  });

  it("shows the product's images for a variant without one", () => {
    expect(galleryImages(images, variant(1, 1))).toEqual(images);
    expect(galleryImages(images, undefined)).toEqual(images);
  });

  it("opens on the variant the address names, else the first in stock, as the picker does", () => {
    const variants = [variant(1, 0), variant(2, 3), variant(3, 5)];
    expect(startingVariant(variants, 3)?.id).toBe(3);
    expect(startingVariant(variants, undefined)?.id).toBe(2);
    expect(startingVariant(variants, 99)?.id).toBe(2);
    expect(startingVariant([variant(1, 0)], undefined)?.id).toBe(1);
  });
});

describe("the gallery's pictures", () => {
  it("fetches the main picture (the page's largest paint) at once and first, the thumbnails when needed", () => {
    const html = renderToStaticMarkup(createElement(ImageGallery, { images, variants: [variant(1, 1)], title: "Wool Coat" }));
    const [main, ...thumbs] = html.match(/<img [^>]*>/g) ?? [];
    expect(main).toContain('alt="front"');
    expect(main).toContain('fetchPriority="high"');
    expect(main).not.toContain('loading="lazy"');
    expect(thumbs).toHaveLength(2);
    for (const thumb of thumbs) expect(thumb).toContain('loading="lazy"');
  });
});
