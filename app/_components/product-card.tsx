import Image from "next/image";
import Link from "next/link";
import type { ProductCard as ProductCardData } from "@/server/catalog/schemas";
import { PriceRange } from "./price";

export function ProductCard({ product, priority = false }: { product: ProductCardData; priority?: boolean }) {
  return (
    <article className="group relative flex flex-col gap-2">
      <div className="relative aspect-square overflow-hidden rounded-lg bg-stone-100">
        {product.imageUrl ? (
          <Image
            src={product.imageUrl}
            alt={product.imageAlt || product.title}
            fill
            unoptimized
            // The first row is the page's largest paint on a phone: fetched at once and first (preload would stay at low priority).
            loading={priority ? "eager" : "lazy"}
            fetchPriority={priority ? "high" : "auto"}
            sizes="(min-width: 1024px) 25vw, 50vw"
            className="object-cover transition-transform duration-300 group-hover:scale-105"
          />
        ) : (
          <div className="flex h-full items-center justify-center text-sm text-stone-400">No image</div>
        )}
        {!product.inStock && (
          <span className="absolute left-2 top-2 rounded bg-stone-900/85 px-2 py-0.5 text-xs font-medium text-white">Out of stock</span>
        )}
      </div>
      <div className="flex flex-col gap-0.5">
        <p className="text-xs uppercase tracking-wide text-stone-500">{product.brand}</p>
        <h3 className="text-sm font-medium leading-snug">
          {/* The link covers the whole card, but its accessible name stays the product title. */}
          <Link href={`/p/${product.slug}`} className="after:absolute after:inset-0 after:rounded-lg hover:underline">
            {product.title}
          </Link>
        </h3>
        <PriceRange min={product.priceMin} max={product.priceMax} compareAt={product.compareAt} currency={product.currency} className="text-sm font-semibold" />
      </div>
    </article>
  );
}
