"use client";
import { useState } from "react";
import type { ProductDetail } from "@/server/catalog/schemas";
import { AddToCart } from "./add-to-cart";
import { BackInStockForm } from "./back-in-stock-form";
import { VariantPrice } from "./price";

type Variant = ProductDetail["variants"][number];
type Selection = Record<string, string>;

const LOW_STOCK = 5;

const matches = (variant: Variant, selection: Selection) => Object.entries(selection).every(([key, value]) => variant.optionValues[key] === value);

/** The variant with the picked value that keeps most of the other choices, preferring one in stock. */
function closestVariant(variants: Variant[], current: Selection, key: string, value: string): Variant | undefined {
  const score = (v: Variant) =>
    Object.entries(current).filter(([k, val]) => k !== key && v.optionValues[k] === val).length * 2 + (v.available > 0 ? 1 : 0);
  return variants.filter((v) => v.optionValues[key] === value).sort((a, b) => score(b) - score(a))[0];
}

function availability(available: number) {
  if (available <= 0) return { text: "Out of stock", tone: "text-red-700" };
  if (available <= LOW_STOCK) return { text: `Only ${available} left`, tone: "text-amber-700" };
  return { text: "In stock", tone: "text-brand-700" };
}

/** The variant a page opens on: the one its address names, else the first in stock, else the first. */
export function startingVariant(variants: Variant[], requestedId: number | undefined): Variant | undefined {
  return variants.find((v) => v.id === requestedId) ?? variants.find((v) => v.available > 0) ?? variants[0];
}

interface VariantPickerProps {
  options: ProductDetail["options"];
  variants: Variant[];
  initialVariantId?: number;
}

/** Announced on window after a choice is written into ?variant= (history.replaceState fires no event of its own). */
export const VARIANT_CHOSEN_EVENT = "emporium:variant-chosen";

/** One radio group per option; the matching variant's price, stock and "Add to cart" show below, and its id goes into ?variant=. */
export function VariantPicker({ options, variants, initialVariantId }: VariantPickerProps) {
  const [selectedId, setSelectedId] = useState(() => startingVariant(variants, initialVariantId)?.id);
  const selected = variants.find((v) => v.id === selectedId);
  if (!selected) return null;

  function choose(key: string, value: string) {
    if (!selected) return;
    const wanted = { ...selected.optionValues, [key]: value };
    const next = variants.find((v) => matches(v, wanted)) ?? closestVariant(variants, selected.optionValues, key, value);
    if (!next) return;
    setSelectedId(next.id);
    const url = new URL(window.location.href);
    url.searchParams.set("variant", String(next.id));
    // Next.js syncs its router with the native history API, so this needs no server round trip.
    window.history.replaceState(null, "", url);
    window.dispatchEvent(new Event(VARIANT_CHOSEN_EVENT));
  }

  const stock = availability(selected.available);
  return (
    <div className="flex flex-col gap-5">
      <VariantPrice amount={selected.priceAmount} compareAt={selected.compareAtAmount} currency={selected.currency} />
      {options.map((option) => {
        const key = option.name.toLowerCase();
        return (
          <fieldset key={key}>
            <legend className="mb-2 text-sm font-semibold">{option.name}</legend>
            <div className="flex flex-wrap gap-2">
              {option.values.map((value) => {
                const combination = variants.find((v) => matches(v, { ...selected.optionValues, [key]: value }));
                const unavailable = !combination || combination.available <= 0;
                return (
                  <label
                    key={value}
                    className="relative flex min-w-12 cursor-pointer items-center justify-center rounded-md border border-stone-300 px-3 py-2 text-sm has-checked:border-stone-900 has-checked:bg-stone-900 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600"
                  >
                    <input
                      type="radio"
                      name={`option-${key}`}
                      value={value}
                      checked={selected.optionValues[key] === value}
                      onChange={() => choose(key, value)}
                      aria-describedby={unavailable ? "variant-unavailable" : undefined}
                      className="absolute inset-0 cursor-pointer opacity-0"
                    />
                    <span className={unavailable ? "line-through opacity-60" : ""}>{value}</span>
                  </label>
                );
              })}
            </div>
          </fieldset>
        );
      })}
      <span id="variant-unavailable" hidden>
        Not available in this combination
      </span>
      <p role="status" className={`text-sm font-medium ${stock.tone}`}>
        {stock.text}
        {variants.length > 1 && <span className="ml-2 font-normal text-stone-500">SKU {selected.sku}</span>}
      </p>
      <AddToCart key={selected.id} variantId={selected.id} available={selected.available} />
      {selected.available <= 0 && <BackInStockForm key={`alert-${selected.id}`} variantId={selected.id} />}
    </div>
  );
}
