import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCaller } from "@/app/_trpc/server";
import { currentUser } from "@/server/auth/session";
import { CheckoutForm } from "./checkout-form";

export const metadata: Metadata = { title: "Checkout" };

export default async function CheckoutPage() {
  const caller = await getCaller();
  const [cart, shipping, user] = await Promise.all([caller.cart.get(), caller.cart.shippingMethods(), currentUser()]);
  if (!cart || cart.lines.length === 0) redirect("/cart");
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight sm:text-3xl">Checkout</h1>
      <CheckoutForm cart={cart} shipping={shipping} email={cart.email ?? user?.email ?? ""} name={user?.name ?? ""} />
    </div>
  );
}
