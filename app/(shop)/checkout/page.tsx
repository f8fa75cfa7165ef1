import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCaller } from "@/app/_trpc/server";
import { currentUser } from "@/server/auth/session";
import { CheckoutForm } from "./checkout-form";

export const metadata: Metadata = { title: "Checkout" };

export default async function CheckoutPage() {
  const caller = await getCaller();
  const [cart, shipping, user] = await Promise.all([caller.cart.get(), caller.cart.shippingMethods(), currentUser()]);
  if (!cart || cart.lines.length === 0) redirect("/cart");
  const saved = user ? await caller.users.addresses() : [];
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight sm:text-3xl">Checkout</h1>
      {!user && (
        <p className="mb-6 rounded-lg border border-stone-200 bg-stone-50 px-4 py-3 text-sm text-stone-700">
          Have an account?{" "}
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent("/checkout")}`} className="font-medium underline underline-offset-2">
            Sign in for faster checkout
          </Link>{" "}
          with your saved addresses.
        </p>
      )}
      <CheckoutForm cart={cart} shipping={shipping} email={cart.email ?? user?.email ?? ""} name={user?.name ?? ""} saved={saved} signedIn={user !== null} />
    </div>
  );
}
