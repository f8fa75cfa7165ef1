"use client";
import { useSyncExternalStore, type ComponentProps } from "react";
import { ImageGallery } from "@/app/_components/image-gallery";
import { VariantPicker } from "@/app/_components/variant-picker";

// The cached product page cannot read ?variant= on the server. These render the default variant on the server and
// while hydrating, so they hydrate the cached HTML as it is, then the variant the address names. (useSearchParams would
// need a <Suspense> whose content the browser renders afresh, replacing the server's gallery and picker, the page's
// largest image included, on every visit.) React compares the snapshot again after each commit, so the address a
// client-side navigation writes in that commit is still seen.

const noSubscription = () => () => {};
const requestedVariant = () => Number(new URLSearchParams(window.location.search).get("variant")) || undefined;
const useRequestedVariant = () => useSyncExternalStore(noSubscription, requestedVariant, () => undefined);

export function ImageGalleryFromUrl(props: Omit<ComponentProps<typeof ImageGallery>, "variantId">) {
  return <ImageGallery {...props} variantId={useRequestedVariant()} />;
}

export function VariantPickerFromUrl(props: Omit<ComponentProps<typeof VariantPicker>, "initialVariantId">) {
  const requested = useRequestedVariant();
  // Keyed: the picker takes its starting variant once, when it mounts.
  return <VariantPicker key={requested ?? "default"} {...props} initialVariantId={requested} />;
}
