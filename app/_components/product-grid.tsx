import type { ProductCard as ProductCardData } from "@/server/catalog/schemas";
import { priceRangeLabel } from "./price";
import { ProductCard, type CardView } from "./product-card";

/** The display strings a card needs, and nothing of the listing it does not show. */
export function cardView(product: ProductCardData): CardView {
  return {
    href: `/p/${product.slug}`,
    title: product.title,
    brand: product.brand,
    image: product.imageUrl ? { src: product.imageUrl, alt: product.imageAlt || product.title } : null,
    inStock: product.inStock,
    ...priceRangeLabel(product.priceMin, product.priceMax, product.compareAt, product.currency),
  };
}

/** `firstRowEager`: the first row's pictures are fetched at once and first, for grids that open a page's first screen. */
export function ProductGrid({ products, label, firstRowEager = true }: { products: ProductCardData[]; label: string; firstRowEager?: boolean }) {
  return (
    // Styled in globals.css, where cards past the fourth are rendered only when they near the viewport.
    <ul aria-label={label} className="product-grid">
      {products.map((product, index) => (
        <li key={product.id}>
          <ProductCard card={cardView(product)} priority={firstRowEager && index < 4} />
        </li>
      ))}
    </ul>
  );
}

export function ProductGridSkeleton({ count = 8 }: { count?: number }) {
  return (
    <ul aria-hidden className="grid grid-cols-2 gap-x-4 gap-y-8 md:grid-cols-3 lg:grid-cols-4">
      {Array.from({ length: count }, (_, i) => (
        <li key={i} className="flex animate-pulse flex-col gap-2">
          <div className="aspect-square rounded-lg bg-stone-200" />
          <div className="h-3 w-1/3 rounded bg-stone-200" />
          <div className="h-4 w-3/4 rounded bg-stone-200" />
          <div className="h-4 w-1/4 rounded bg-stone-200" />
        </li>
      ))}
    </ul>
  );
}
