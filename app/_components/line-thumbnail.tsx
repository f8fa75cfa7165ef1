import Image from "next/image";

/** A line's product image, small; an empty square when the product has none. */
export function LineThumbnail({ url, alt }: { url: string | null; alt: string }) {
  return (
    <div className="relative size-10 shrink-0 overflow-hidden rounded bg-stone-100">
      {url && <Image src={url} alt={alt} fill unoptimized sizes="40px" className="object-cover" />}
    </div>
  );
}
