"use client";
import Image from "next/image";
import { useRef, useState, type KeyboardEvent } from "react";
import type { ProductDetail } from "@/server/catalog/schemas";
import { startingVariant } from "./variant-picker";

type GalleryImage = { url: string; alt: string };

interface ImageGalleryProps {
  images: GalleryImage[];
  variants: ProductDetail["variants"];
  title: string;
  /** The variant the address names (?variant=, which the picker writes). */
  variantId?: number;
}

/** The chosen variant's own image first (when it has one), then the product's other images. */
export function galleryImages(images: GalleryImage[], variant: { imageUrl: string | null; imageAlt: string | null } | undefined): GalleryImage[] {
  if (!variant?.imageUrl) return images;
  return [{ url: variant.imageUrl, alt: variant.imageAlt ?? "" }, ...images.filter((i) => i.url !== variant.imageUrl)];
}

/**
 * A main image and a row of thumbnail buttons; arrow keys move between thumbnails. It follows `variantId`, opening on
 * that variant's image whenever the choice changes.
 */
export function ImageGallery({ images: productImages, variants, title, variantId }: ImageGalleryProps) {
  const variant = startingVariant(variants, variantId);
  const images = galleryImages(productImages, variant);
  const [shownFor, setShownFor] = useState(variant?.id);
  const [index, setIndex] = useState(0);
  if (shownFor !== variant?.id) {
    setShownFor(variant?.id);
    setIndex(0);
  }
  const thumbs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = images[index];

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = (index + step + images.length) % images.length;
    setIndex(next);
    thumbs.current[next]?.focus();
  }

  return (
    <section aria-label="Product images" className="flex flex-col gap-3">
      <div className="relative aspect-square overflow-hidden rounded-xl bg-stone-100">
        {current ? (
          // The page's largest paint: preloaded and fetched ahead of the scripts (`priority` preloaded it at low priority).
          <Image src={current.url} alt={current.alt || title} fill unoptimized preload fetchPriority="high" sizes="(min-width: 768px) 50vw, 100vw" className="object-cover" />
        ) : (
          <div className="flex h-full items-center justify-center text-stone-400">No image</div>
        )}
      </div>
      {images.length > 1 && (
        <div role="group" aria-label="Choose an image" onKeyDown={onKeyDown} className="flex gap-2 overflow-x-auto p-1">
          {images.map((image, i) => (
            <button
              key={`${image.url}-${i}`}
              ref={(el) => {
                thumbs.current[i] = el;
              }}
              type="button"
              aria-label={`Show image ${i + 1} of ${images.length}`}
              aria-pressed={i === index}
              onClick={() => setIndex(i)}
              className="relative size-16 shrink-0 overflow-hidden rounded-md border-2 border-transparent bg-stone-100 aria-pressed:border-stone-900 sm:size-20"
            >
              <Image src={image.url} alt="" fill unoptimized sizes="80px" className="object-cover" />
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
