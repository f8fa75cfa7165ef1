"use client";
import { useSearchParams } from "next/navigation";
import type { ComponentProps } from "react";
import { ImageGallery } from "@/app/_components/image-gallery";
import { VariantPicker } from "@/app/_components/variant-picker";

// The cached product page cannot read ?variant= on the server: these read it in the browser, inside a <Suspense> whose
// fallback (the same component on the default variant) is what the cached HTML holds.

const useRequestedVariant = () => Number(useSearchParams().get("variant")) || undefined;

export function ImageGalleryFromUrl(props: Omit<ComponentProps<typeof ImageGallery>, "variantId">) {
  return <ImageGallery {...props} variantId={useRequestedVariant()} />;
}

export function VariantPickerFromUrl(props: Omit<ComponentProps<typeof VariantPicker>, "initialVariantId">) {
  return <VariantPicker {...props} initialVariantId={useRequestedVariant()} />;
}
