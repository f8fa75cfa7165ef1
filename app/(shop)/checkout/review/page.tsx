import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getCaller } from "@/app/_trpc/server";
import { countryName } from "../countries";
import { PlaceOrder } from "./place-order";

export const metadata: Metadata = { title: "Review your order" };

export default async function ReviewPage() {
  const caller = await getCaller();
  const [cart, shipping] = await Promise.all([caller.cart.get(), caller.cart.shippingMethods()]);
  if (!cart || cart.lines.length === 0) redirect("/cart");
  const { email, shippingAddress: address, shippingMethod } = cart;
  // Priced again for the saved address: the checkout page may have shown an estimate.
  const method = shipping.methods.find((m) => m.id === shippingMethod);
  if (!email || !address || (shipping.needsShipping && !method)) redirect("/checkout");

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight sm:text-3xl">Review your order</h1>
      <div className="grid gap-10 lg:grid-cols-[1fr_22rem]">
        <div className="flex flex-col gap-6">
          <dl className="divide-y divide-stone-200 rounded-lg border border-stone-200 text-sm">
            <Detail term="Contact">{email}</Detail>
            <Detail term={shipping.needsShipping ? "Ship to" : "Address"}>
              <address className="not-italic">
                {[address.name, address.line1, address.line2, [address.city, address.region, address.postalCode].filter(Boolean).join(", "), countryName(address.country), address.phone]
                  .filter(Boolean)
                  .map((part) => (
                    <span key={part} className="block">
                      {part}
                    </span>
                  ))}
              </address>
            </Detail>
            <Detail term="Shipping">{method ? `${method.name} · ${method.estimate}` : "Nothing to post: no shipping"}</Detail>
          </dl>
          <Link href="/checkout" className="self-start text-sm font-medium text-brand-700 underline underline-offset-2">
            Change details
          </Link>
        </div>
        <PlaceOrder cart={cart} shipping={method ? method.amount : "none"} />
      </div>
    </div>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] gap-4 px-4 py-3">
      <dt className="font-medium text-stone-600">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
