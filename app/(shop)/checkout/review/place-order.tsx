"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { refreshCartCount } from "@/app/_components/shopper-store";
import { useTRPC } from "@/app/_trpc/client";
import type { CartView } from "@/server/cart/schemas";
import type { AppRouter } from "@/server/trpc/root";
import { OrderSummary } from "../order-summary";

interface Failure {
  message: string;
  /** OutOfStock: the short lines' messages by variant id. */
  shortLines?: Record<number, string>;
}

function failureOf(error: unknown): Failure {
  if (!(error instanceof TRPCClientError)) return { message: "We could not reach the shop. Check your connection and try again." };
  const data = (error as TRPCClientError<AppRouter>).data;
  if (data?.domainError !== "OutOfStock") return { message: error.message };
  const shortLines: Record<number, string> = {};
  for (const [key, message] of Object.entries(data.fieldErrors ?? {})) shortLines[Number(key.replace("variants.", ""))] = message;
  return { message: error.message, shortLines };
}

/** The server-priced summary and "Place order": the order is made from the cart id alone, then the shopper goes to pay. */
export function PlaceOrder({ cart, shipping }: { cart: CartView; shipping: number | "none" }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const place = useMutation(trpc.checkout.placeOrder.mutationOptions());
  const [failure, setFailure] = useState<Failure | null>(null);
  const [leaving, setLeaving] = useState(false);

  async function onPlace() {
    setFailure(null);
    try {
      const result = await place.mutateAsync({ cartId: cart.id });
      setLeaving(true);
      await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.cart.pathKey() }), refreshCartCount().catch(() => {})]);
      router.push(result.payment.payUrl);
    } catch (error) {
      setFailure(failureOf(error));
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <OrderSummary cart={cart} shipping={shipping} shortLines={failure?.shortLines} />
      <div role="alert" className={failure ? "rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" : undefined}>
        {failure?.message}
        {failure?.shortLines && (
          <Link href="/cart" className="mt-1 block font-medium underline underline-offset-2">
            Update your cart
          </Link>
        )}
      </div>
      <button
        type="button"
        onClick={() => void onPlace()}
        disabled={place.isPending || leaving}
        className="w-full rounded-lg bg-stone-900 px-4 py-3 text-sm font-medium text-white hover:bg-stone-800 disabled:cursor-not-allowed disabled:opacity-60"
      >
        {place.isPending || leaving ? "Placing your order…" : "Place order"}
      </button>
      <p className="text-xs text-stone-500">You pay on the next page. Your items are held for 15 minutes.</p>
    </div>
  );
}
