import type { Metadata } from "next";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/hydration";
import { CartContents } from "./cart-contents";

export const metadata: Metadata = { title: "Your cart" };

export default async function CartPage() {
  await prefetch(trpc.cart.get.queryOptions());
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight sm:text-3xl">Your cart</h1>
      <HydrateClient>
        <CartContents />
      </HydrateClient>
    </div>
  );
}
