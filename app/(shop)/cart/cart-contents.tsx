"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { formatMoney } from "@/app/_components/format-money";
import { cartAddsOnTheirWay, cartAddsSettled } from "@/app/_components/shopper-store";
import { useRemoveCartLine, useUpdateCartLine } from "@/app/_components/use-cart";
import { useTRPC } from "@/app/_trpc/client";
import { freeShippingFrom } from "@/server/checkout/shipping-rates";
import { CartLineRow, type PriceNote } from "./cart-line-row";

/** The cart's lines with steppers and notices, and the subtotal with the way to checkout. */
export function CartContents() {
  const trpc = useTRPC();
  const { data: cart, isPending, isError, refetch } = useQuery(trpc.cart.get.queryOptions());
  const queryClient = useQueryClient();
  useEffect(() => {
    // The server drew this page before an add made on the page before had reached it.
    if (cartAddsOnTheirWay()) void cartAddsSettled().then(() => queryClient.invalidateQueries({ queryKey: trpc.cart.pathKey() }));
  }, [queryClient, trpc]);
  const update = useUpdateCartLine();
  const remove = useRemoveCartLine();
  const [notices, setNotices] = useState<Record<number, string | null>>({});
  // The server reports a price change once; keep the note for the rest of this visit.
  const [priceNotes, setPriceNotes] = useState<Record<number, PriceNote>>({});
  const fresh = cart?.lines.filter((l) => l.priceChanged && l.previousUnitAmount !== null && priceNotes[l.variantId]?.to !== l.unitAmount) ?? [];
  if (fresh.length > 0) {
    setPriceNotes({ ...priceNotes, ...Object.fromEntries(fresh.map((l) => [l.variantId, { from: l.previousUnitAmount!, to: l.unitAmount }])) });
  }

  if (isPending) return <p className="text-stone-500">Loading your cart…</p>;
  if (isError) {
    return (
      <p role="alert" className="text-red-700">
        We could not load your cart.{" "}
        <button type="button" onClick={() => void refetch()} className="font-medium underline">
          Try again
        </button>
      </p>
    );
  }
  if (!cart || cart.lines.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-stone-300 px-6 py-16 text-center">
        <p className="text-lg font-medium">Your cart is empty</p>
        <p className="mt-1 text-stone-600">Find something you like and add it here.</p>
        <Link href="/" className="mt-6 inline-block rounded-md bg-stone-900 px-5 py-2.5 text-sm font-medium text-white hover:bg-stone-700">
          Continue shopping
        </Link>
      </div>
    );
  }

  function setQuantity(variantId: number, quantity: number) {
    update.mutate(
      { variantId, quantity },
      {
        onSuccess: (result) => setNotices((n) => ({ ...n, [variantId]: result.notice })),
        onError: (error) => setNotices((n) => ({ ...n, [variantId]: error.message })),
      },
    );
  }

  const short = cart.lines.some((l) => l.shortBy > 0);
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
      <ul className="divide-y divide-stone-200 border-y border-stone-200" aria-label="Items in your cart">
        {cart.lines.map((line) => (
          <CartLineRow
            key={line.variantId}
            line={line}
            priceNote={priceNotes[line.variantId]?.to === line.unitAmount ? priceNotes[line.variantId] : undefined}
            notice={notices[line.variantId] ?? null}
            onQuantity={(quantity) => setQuantity(line.variantId, quantity)}
            onRemove={() => remove.mutate({ variantId: line.variantId })}
          />
        ))}
      </ul>
      <aside aria-labelledby="cart-summary-heading" className="h-fit rounded-lg bg-stone-50 p-5">
        <h2 id="cart-summary-heading" className="text-lg font-semibold">
          Summary
        </h2>
        <dl className="mt-4 space-y-2 text-sm">
          <div className="flex justify-between">
            <dt>Items</dt>
            <dd>{cart.itemCount}</dd>
          </div>
          <div className="flex justify-between text-base font-semibold">
            <dt>Subtotal</dt>
            <dd data-testid="cart-subtotal">{formatMoney(cart.subtotal, cart.currency)}</dd>
          </div>
        </dl>
        <p className="mt-2 text-xs text-stone-500">Shipping is added at checkout. Our cheapest shipping is free from {formatMoney(freeShippingFrom(cart.currency), cart.currency)}.</p>
        {short && (
          <p role="alert" className="mt-4 text-sm text-red-700">
            Some items are short of stock. Lower their quantities or remove them to check out.
          </p>
        )}
        {short ? (
          <button type="button" disabled className="mt-4 w-full rounded-md bg-stone-900 px-5 py-3 text-sm font-medium text-white opacity-50">
            Checkout
          </button>
        ) : (
          <Link href="/checkout" className="mt-4 block rounded-md bg-stone-900 px-5 py-3 text-center text-sm font-medium text-white hover:bg-stone-700">
            Checkout
          </Link>
        )}
        <Link href="/search" className="mt-3 block text-center text-sm font-medium text-brand-700 underline underline-offset-2">
          Continue shopping
        </Link>
      </aside>
    </div>
  );
}
