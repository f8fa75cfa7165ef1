"use client";
import Link from "next/link";
import { useEffect } from "react";
import type { SessionUser } from "@/server/users/schemas";
import { MiniCart } from "./mini-cart";
import { refreshShopper, useShopper } from "./shopper-store";
import { SignOutButton } from "./sign-out-button";

/**
 * The header's account links and cart button. Who is signed in is fetched in the browser, never rendered on the server:
 * the storefront's pages are cached and shared by every shopper (app/(shop)/_lib/page-cache.ts). Asked afresh whenever
 * the shop's layout mounts (signing in comes back from the (auth) pages) and when the tab is shown again.
 */
export function HeaderUser() {
  const { user, known } = useShopper();
  useEffect(() => {
    void refreshShopper();
    const onShow = () => document.visibilityState === "visible" && void refreshShopper();
    document.addEventListener("visibilitychange", onShow);
    return () => document.removeEventListener("visibilitychange", onShow);
  }, []);
  // Until the answer comes, an empty space the size of the links, so the header does not jump.
  if (!known) return <div className="h-8 w-48 justify-self-end" aria-hidden="true" />;
  return (
    <div className="flex items-center gap-1 justify-self-end">
      <AccountArea user={user} />
      <MiniCart />
    </div>
  );
}

function AccountArea({ user }: { user: SessionUser | null }) {
  if (!user) {
    return (
      <Link href="/sign-in" prefetch={false} className="rounded-md px-3 py-1.5 text-sm font-medium text-stone-700 hover:bg-stone-100">
        Sign in
      </Link>
    );
  }
  return (
    <div className="flex items-center gap-1 text-sm">
      <span className="hidden max-w-40 truncate px-2 text-stone-600 lg:inline">{user.name ?? user.email}</span>
      <Link href="/orders" prefetch={false} className="rounded-md px-3 py-1.5 font-medium text-stone-700 hover:bg-stone-100">Orders</Link>
      <Link href="/account" prefetch={false} className="rounded-md px-3 py-1.5 font-medium text-stone-700 hover:bg-stone-100">Account</Link>
      {user.role !== "shopper" && (
        <Link href="/admin" prefetch={false} className="rounded-md px-3 py-1.5 font-medium text-stone-700 hover:bg-stone-100">
          Admin
        </Link>
      )}
      <SignOutButton />
    </div>
  );
}

/** The footer's "Account" links, for shoppers who are not signed in. */
export function FooterAccountLinks() {
  const { user, known } = useShopper();
  if (!known || user) return null;
  return (
    <nav aria-label="Account">
      <h2 className="mb-2 font-semibold text-stone-900">Account</h2>
      <ul className="flex flex-col gap-1.5">
        <li>
          <Link href="/sign-in" prefetch={false} className="hover:underline">
            Sign in
          </Link>
        </li>
        <li>
          <Link href="/sign-up" prefetch={false} className="hover:underline">
            Create an account
          </Link>
        </li>
      </ul>
    </nav>
  );
}
