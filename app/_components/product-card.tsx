"use client";
import Link from "next/link";
import { PriceRange, type PriceLabel } from "./price";

/**
 * What a card shows, as display strings (built by cardView in product-grid.tsx). The card is a client component so the
 * page's RSC payload carries these few props per card instead of the card's whole element tree beside its HTML.
 */
export interface CardView extends PriceLabel {
  href: string;
  title: string;
  brand: string;
  image: { src: string; alt: string } | null;
  inStock: boolean;
}

export function ProductCard({ card, priority = false }: { card: CardView; priority?: boolean }) {
  return (
    <article className="product-card">
      <div>
        {card.image ? (
          // eslint-disable-next-line @next/next/no-img-element -- served as is, unoptimised: next/image would only add its inline style
          <img
            src={card.image.src}
            alt={card.image.alt}
            // The first row is the page's largest paint on a phone: fetched at once and first (preload would stay at low priority).
            loading={priority ? "eager" : "lazy"}
            fetchPriority={priority ? "high" : undefined}
            decoding="async"
          />
        ) : (
          <div className="flex h-full items-center justify-center text-sm text-stone-400">No image</div>
        )}
        {!card.inStock && <span className="absolute left-2 top-2 rounded bg-stone-900/85 px-2 py-0.5 text-xs font-medium text-white">Out of stock</span>}
      </div>
      <p>{card.brand}</p>
      <h3>
        {/* The link covers the whole card, but its accessible name stays the product title. Not prefetched: every card
            in view fetched and decoded its product's route after load, on the phone's busy main thread; the product
            page opens on click from the page cache. */}
        <Link href={card.href} prefetch={false}>
          {card.title}
        </Link>
      </h3>
      <PriceRange price={card.price} sale={card.sale} className="text-sm font-semibold" />
    </article>
  );
}
