"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { AdminProduct } from "@/server/catalog/get-admin-product";
import { inputClass } from "../../_components/field";
import { rowButtonClass } from "../../_components/row-cell";

interface ImageRowProps {
  image: AdminProduct["images"][number];
  index: number;
  last: boolean;
  onShift: (by: -1 | 1) => void;
  /** The parent's useRefreshingAction run: shows a refusal above the list. */
  run: (work: () => Promise<unknown>) => Promise<void>;
}

/** One image: its thumbnail, its alt text (saved on demand), up/down, remove. */
export function ImageRow({ image, index, last, onShift, run }: ImageRowProps) {
  const trpc = useTRPC();
  const setAlt = useMutation(trpc.adminProducts.setImageAlt.mutationOptions());
  const remove = useMutation(trpc.adminProducts.removeImage.mutationOptions());
  const [alt, setAltText] = useState(image.alt);
  const label = `image ${index + 1}`;

  return (
    <li className="flex flex-wrap items-center gap-2 rounded border border-stone-200 p-2 text-sm">
      {/* eslint-disable-next-line @next/next/no-img-element -- a thumbnail of our own upload or an external URL */}
      <img src={image.url} alt={image.alt} width={64} height={64} className="h-16 w-16 rounded object-cover" />
      <input aria-label={`Alt text of ${label}`} className={`${inputClass} w-72`} value={alt} maxLength={300} onChange={(e) => setAltText(e.target.value)} />
      <button type="button" className={rowButtonClass} disabled={setAlt.isPending || alt === image.alt} onClick={() => run(() => setAlt.mutateAsync({ id: image.id, alt }))}>
        Save alt text
      </button>
      <button type="button" className={rowButtonClass} aria-label={`Move ${label} up`} disabled={index === 0} onClick={() => onShift(-1)}>
        ↑
      </button>
      <button type="button" className={rowButtonClass} aria-label={`Move ${label} down`} disabled={last} onClick={() => onShift(1)}>
        ↓
      </button>
      <button type="button" className={rowButtonClass} disabled={remove.isPending} onClick={() => run(() => remove.mutateAsync({ id: image.id }))}>
        Remove
      </button>
    </li>
  );
}
