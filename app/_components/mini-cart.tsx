"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { CartView } from "@/server/cart/schemas";
import { formatMoney } from "./format-money";
import { cartAddsSettled, shopApi, useShopper } from "./shopper-store";

const SHOWN_LINES = 4;

/** Cart button with an item-count badge; it opens a small panel with the lines, the subtotal and the way on. */
export function MiniCart() {
  const pathname = usePathname();
  // Open on the page where it was opened: following a link closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const close = () => setOpenOn(null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { cartCount: count } = useShopper();
  // The lines are asked for each time the panel opens, and again when the count changes while it is open.
  const [cart, setCart] = useState<CartView | "failed" | null>();
  useEffect(() => {
    if (!open) return;
    let current = true;
    cartAddsSettled()
      .then(shopApi)
      .then((api) => api.cart.get.query())
      .then(
        (view) => current && setCart(view),
        () => current && setCart((shown) => shown ?? "failed"),
      );
    return () => {
      current = false;
    };
  }, [open, count]);

  useEffect(() => {
    if (!open) return;
    // Escape returns the keyboard to the cart button; a click elsewhere leaves focus where it went.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpenOn(null);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => root.current?.contains(event.target as Node) || setOpenOn(null);
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  const view = cart === "failed" ? null : cart;
  const lines = view?.lines ?? [];
  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="mini-cart-panel"
        aria-label={`Cart, ${count} ${count === 1 ? "item" : "items"}`}
        onClick={() => (open ? close() : setOpenOn(pathname))}
        className="relative flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium text-stone-700 hover:bg-stone-100"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth={1.8}>
          <path d="M3 4h2l2.4 11.2a1 1 0 0 0 1 .8h8.9a1 1 0 0 0 1-.8L20 8H6.2" strokeLinecap="round" strokeLinejoin="round" />
          <circle cx="9" cy="20" r="1.3" />
          <circle cx="17" cy="20" r="1.3" />
        </svg>
        <span className="hidden sm:inline">Cart</span>
        {count > 0 && (
          <span data-testid="cart-count" className="min-w-5 rounded-full bg-brand-700 px-1.5 text-center text-xs font-semibold leading-5 text-white">
            {count > 99 ? "99+" : count}
          </span>
        )}
      </button>
      {open && (
        <div id="mini-cart-panel" role="region" aria-label="Cart preview" className="absolute right-0 top-full z-40 mt-2 w-80 rounded-lg border border-stone-200 bg-white p-4 shadow-lg">
          {cart === undefined ? (
            <p className="py-6 text-center text-sm text-stone-500">Loading your cart…</p>
          ) : lines.length === 0 ? (
            <p className="py-6 text-center text-sm text-stone-600">Your cart is empty.</p>
          ) : (
            <>
              <ul className="divide-y divide-stone-100">
                {lines.slice(0, SHOWN_LINES).map((line) => (
                  <li key={line.variantId} className="flex gap-3 py-2">
                    <div className="relative size-12 shrink-0 overflow-hidden rounded bg-stone-100">
                      {line.imageUrl && (
                        // eslint-disable-next-line @next/next/no-img-element -- unoptimised anyway; next/image would add ~12 kB to every storefront page's first load
                        <img src={line.imageUrl} alt="" decoding="async" className="absolute inset-0 size-full object-cover" />
                      )}
                    </div>
                    <div className="min-w-0 flex-1 text-sm">
                      <p className="truncate font-medium">{line.productTitle}</p>
                      <p className="text-stone-500">
                        {line.variantTitle !== "Default" && `${line.variantTitle} · `}
                        {line.quantity} × {formatMoney(line.unitAmount, line.currency)}
                      </p>
                      {line.priceChanged && <p className="text-xs text-amber-700">Price changed</p>}
                    </div>
                  </li>
                ))}
              </ul>
              {lines.length > SHOWN_LINES && <p className="pt-1 text-xs text-stone-500">and {lines.length - SHOWN_LINES} more</p>}
              <p className="mt-3 flex justify-between border-t border-stone-200 pt-3 text-sm font-semibold">
                <span>Subtotal</span>
                <span>{formatMoney(view!.subtotal, view!.currency)}</span>
              </p>
            </>
          )}
          <div className="mt-4 grid grid-cols-2 gap-2">
            <Link href="/cart" onClick={close} className="rounded-md border border-stone-300 px-3 py-2 text-center text-sm font-medium hover:bg-stone-50">
              View cart
            </Link>
            {lines.length > 0 && (
              <Link href="/checkout" onClick={close} className="rounded-md bg-stone-900 px-3 py-2 text-center text-sm font-medium text-white hover:bg-stone-700">
                Checkout
              </Link>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
