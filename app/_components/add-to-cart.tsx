"use client";
import Link from "next/link";
import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { MAX_LINE_QUANTITY } from "@/server/limits";
import { addToCart } from "./shopper-store";

type Outcome = { tone: "ok" | "error"; text: string } | null;

const noSubscription = () => () => {};

/**
 * False in the server's HTML and until React has hydrated it. The cached product page paints before its scripts run, and
 * a click on "Add to cart" before then would submit the bare form and reload the page, adding nothing.
 */
const useHydrated = () => useSyncExternalStore(noSubscription, () => true, () => false);

/** Quantity and "Add to cart" for the selected variant; the header badge counts the units at once, before the server answers. */
export function AddToCart({ variantId, available }: { variantId: number; available: number }) {
  const [adding, setAdding] = useState(false);
  const hydrated = useHydrated();
  const [quantity, setQuantity] = useState(1);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const soldOut = available <= 0;
  const max = Math.max(1, Math.min(MAX_LINE_QUANTITY, available));
  // On phones the button scrolls away under the description: a bar fixed to the bottom offers it while it is out of view.
  const button = useRef<HTMLButtonElement>(null);
  const [buttonHidden, setButtonHidden] = useState(false);
  useEffect(() => {
    const target = button.current;
    if (!target) return;
    const observer = new IntersectionObserver(([entry]) => setButtonHidden(entry ? !entry.isIntersecting : false));
    observer.observe(target);
    return () => observer.disconnect();
  }, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOutcome(null);
    setAdding(true);
    try {
      const result = await addToCart({ variantId, quantity });
      setOutcome({ tone: "ok", text: result.notice ?? (result.quantity === 1 ? "Added to your cart." : `Added. Your cart has ${result.quantity} of these.`) });
    } catch (error) {
      setOutcome({ tone: "error", text: error instanceof Error ? error.message : "We could not add this to your cart. Please try again." });
    } finally {
      setAdding(false);
    }
  }

  return (
    <form id="add-to-cart" onSubmit={onSubmit} className="flex flex-col gap-3">
      <div className="flex items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="add-quantity" className="text-sm font-semibold">
            Quantity
          </label>
          <input
            id="add-quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={max}
            value={quantity}
            disabled={soldOut}
            onChange={(e) => setQuantity(Math.min(max, Math.max(1, Math.trunc(Number(e.target.value)) || 1)))}
            className="w-20 rounded-md border border-stone-300 px-3 py-2 text-sm disabled:opacity-60"
          />
        </div>
        <button
          ref={button}
          type="submit"
          disabled={!hydrated || soldOut || adding}
          className="flex-1 rounded-md bg-stone-900 px-5 py-2.5 text-sm font-medium text-white hover:bg-stone-700 disabled:cursor-not-allowed disabled:opacity-50 sm:flex-none"
        >
          Add to cart
        </button>
      </div>
      <p role="status" aria-live="polite" className={`min-h-5 text-sm ${outcome?.tone === "error" ? "text-red-700" : "text-stone-700"}`}>
        {outcome?.text}
        {outcome?.tone === "ok" && (
          <Link href="/cart" className="ml-2 font-medium text-brand-700 underline underline-offset-2">
            View cart
          </Link>
        )}
      </p>
      {buttonHidden && !soldOut && (
        <div data-testid="sticky-add-to-cart" className="fixed inset-x-0 bottom-0 z-30 flex items-center gap-3 border-t border-stone-200 bg-white/95 px-4 py-3 shadow-[0_-2px_8px_rgba(0,0,0,0.06)] md:hidden">
          <p aria-live="polite" className="min-w-0 flex-1 truncate text-sm text-stone-700">
            {outcome?.text ?? `Quantity ${quantity}`}
          </p>
          <button type="submit" form="add-to-cart" disabled={!hydrated || adding} className="rounded-md bg-stone-900 px-5 py-2.5 text-sm font-medium text-white disabled:opacity-50">
            Add to cart
          </button>
        </div>
      )}
    </form>
  );
}
