import { describe, expect, it } from "vitest";
import type { ProductDetail } from "@/server/catalog/schemas";
import { jsonForScript, productJsonLd } from "./product-json-ld";

const absolute = (path: string) => new URL(path, "https://shop.example").toString();
type Variant = ProductDetail["variants"][number];
const variant = (over: Partial<Variant>): Variant =>
  ({ id: 1, sku: "TEE-1", title: "M", optionValues: { size: "M" }, priceAmount: 2500, currency: "USD", compareAtAmount: null, available: 3, ...over }) as Variant;
const product = (variants: ProductDetail["variants"]): ProductDetail => ({
  id: 7, slug: "pocket-tee", title: "Pocket Tee", description: "Soft </script><b>cotton</b>", brand: "Harbour", attributes: {}, currency: "USD",
  priceMin: 2500, priceMax: 2900, category: { slug: "tops", name: "Tops" }, breadcrumbs: [], options: [],
  images: [{ url: "/img/p/7-1.svg", alt: "front" }], variants,
});

describe("product JSON-LD", () => {
  it("describes a single-variant product with one offer: price, currency, availability", () => {
    const ld = productJsonLd(product([variant({ available: 0 })]), absolute);
    expect(ld).toMatchObject({
      "@context": "https://schema.org", "@type": "Product", name: "Pocket Tee", sku: "TEE-1",
      brand: { "@type": "Brand", name: "Harbour" }, image: ["https://shop.example/img/p/7-1.svg"], url: "https://shop.example/p/pocket-tee",
      offers: { "@type": "Offer", price: "25.00", priceCurrency: "USD", availability: "https://schema.org/OutOfStock", url: "https://shop.example/p/pocket-tee" },
    });
  });

  it("gives several variants an AggregateOffer with an offer per variant at its own address", () => {
    const ld = productJsonLd(product([variant({}), variant({ id: 2, sku: "TEE-2", priceAmount: 2900, available: 0 })]), absolute);
    expect(ld.offers).toMatchObject({ "@type": "AggregateOffer", lowPrice: "25.00", highPrice: "29.00", offerCount: 2, availability: "https://schema.org/InStock" });
    expect((ld.offers as { offers: unknown[] }).offers).toMatchObject([
      { sku: "TEE-1", url: "https://shop.example/p/pocket-tee?variant=1", availability: "https://schema.org/InStock" },
      { sku: "TEE-2", url: "https://shop.example/p/pocket-tee?variant=2", price: "29.00", availability: "https://schema.org/OutOfStock" },
    ]);
  });

  it("cannot be broken out of its script element by the product's text", () => {
    const json = jsonForScript(productJsonLd(product([variant({})]), absolute));
    expect(json).not.toContain("</script>");
    expect(JSON.parse(json).description).toBe("Soft </script><b>cotton</b>");
  });
});
