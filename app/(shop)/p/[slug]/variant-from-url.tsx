"use client";
import { useSyncExternalStore, type ComponentProps } from "react";
import { ImageGallery } from "@/app/_components/image-gallery";
import { VARIANT_CHOSEN_EVENT, VariantPicker } from "@/app/_components/variant-picker";

// The cached product page cannot read ?variant= on the server. These render the default variant on the server and
// while hydrating, so they hydrate the cached HTML as it is, then the variant the address names. (useSearchParams would
// need a <Suspense> whose content the browser renders afresh, replacing the server's gallery and picker, the page's
// largest image included, on every visit.) React compares the snapshot again after each commit, so the address a
// client-side navigation writes in that commit is still seen.

type Subscribe = (onChange: () => void) => () => void;
const noSubscription: Subscribe = () => () => {};
// The gallery follows every choice the picker makes (and Back and Forward); the picker itself takes the address once.
const followChoices: Subscribe = (onChange) => {
  window.addEventListener(VARIANT_CHOSEN_EVENT, onChange);
  window.addEventListener("popstate", onChange);
  return () => {
    window.removeEventListener(VARIANT_CHOSEN_EVENT, onChange);
    window.removeEventListener("popstate", onChange);
  };
};
const requestedVariant = () => Number(new URLSearchParams(window.location.search).get("variant")) || undefined;
const useRequestedVariant = (subscribe = noSubscription) => useSyncExternalStore(subscribe, requestedVariant, () => undefined);

export function ImageGalleryFromUrl(props: Omit<ComponentProps<typeof ImageGallery>, "variantId">) {
  return <ImageGallery {...props} variantId={useRequestedVariant(followChoices)} />;
}

export function VariantPickerFromUrl(props: Omit<ComponentProps<typeof VariantPicker>, "initialVariantId">) {
  const requested = useRequestedVariant();
  // Keyed: the picker takes its starting variant once, when it mounts.
  return <VariantPicker key={requested ?? "default"} {...props} initialVariantId={requested} />;
}
