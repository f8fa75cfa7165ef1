import { formatDecimal } from "@/app/_components/format-money";
import type { ProductDetail } from "@/server/catalog/schemas";

const IN_STOCK = "https://schema.org/InStock";
const OUT_OF_STOCK = "https://schema.org/OutOfStock";

/**
 * schema.org Product for search engines: one Offer per variant (price, currency, availability, its ?variant= address),
 * wrapped in an AggregateOffer when there are several. `absolute` turns the shop's paths into full URLs.
 */
export function productJsonLd(product: ProductDetail, absolute: (path: string) => string): Record<string, unknown> {
  const url = absolute(`/p/${product.slug}`);
  const offers = product.variants.map((v) => ({
    "@type": "Offer",
    sku: v.sku,
    url: product.variants.length > 1 ? absolute(`/p/${product.slug}?variant=${v.id}`) : url,
    price: formatDecimal(v.priceAmount, v.currency),
    priceCurrency: v.currency,
    availability: v.available > 0 ? IN_STOCK : OUT_OF_STOCK,
    itemCondition: "https://schema.org/NewCondition",
  }));
  const prices = product.variants.map((v) => v.priceAmount);
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.title,
    description: product.description,
    brand: { "@type": "Brand", name: product.brand },
    ...(product.variants.length === 1 ? { sku: product.variants[0]?.sku } : {}),
    image: product.images.map((i) => absolute(i.url)),
    url,
    offers:
      offers.length === 1
        ? offers[0]
        : {
            "@type": "AggregateOffer",
            priceCurrency: product.currency,
            lowPrice: formatDecimal(Math.min(...prices), product.currency),
            highPrice: formatDecimal(Math.max(...prices), product.currency),
            offerCount: offers.length,
            availability: product.variants.some((v) => v.available > 0) ? IN_STOCK : OUT_OF_STOCK,
            offers,
          },
  };
}

/** JSON for a <script> element: "<" escaped so no text in the data can close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
