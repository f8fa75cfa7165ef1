import { useState, useSyncExternalStore } from "react";
import type { BrowserTRPCClient } from "@/app/_trpc/browser-client";
import type { SessionUser } from "@/server/users/schemas";
import { queryPlain } from "@/app/_trpc/plain-queries";

/**
 * Who is signed in and how many items the cart holds, for the storefront's header, footer and "Add to cart". Storefront
 * pages carry no tRPC provider (react-query and the tRPC client cost start-up script time on a slow phone): this store
 * asks for the user and the count with a plain fetch (app/_trpc/plain-queries.ts), and everything else through a tRPC client
 * loaded on first use, in a chunk of its own. The pages under the provider tell it when they change the cart
 * (use-cart.ts, place-order.tsx).
 */
interface Shopper {
  user: SessionUser | null;
  cartCount: number;
  /** The number of the latest ask for the user that was answered. */
  answered: number;
}

const INITIAL: Shopper = { user: null, cartCount: 0, answered: 0 };
let shopper = INITIAL;
let asked = 0;
// Bumped by every change made here; a count fetched across one is already out of date.
let countChanges = 0;
const listeners = new Set<() => void>();

function update(change: Partial<Shopper>) {
  shopper = { ...shopper, ...change };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

let client: Promise<BrowserTRPCClient> | undefined;
/** The browser's tRPC client, loaded on first use. */
export function shopApi(): Promise<BrowserTRPCClient> {
  client ??= import("@/app/_trpc/browser-client").then((module) => module.makeTRPCClient());
  return client;
}

/**
 * The shopper, and whether the user is known: only from an answer to an ask made after the calling component mounted,
 * so an answer from before (signing in happens on other pages) never shows.
 */
export function useShopper(): { user: SessionUser | null; known: boolean; cartCount: number } {
  const [since] = useState(() => asked + 1);
  const { user, cartCount, answered } = useSyncExternalStore(subscribe, () => shopper, () => INITIAL);
  return { user, cartCount, known: answered >= since };
}

/** Asks who is signed in and the cart's count, in one batched request. */
export async function refreshShopper() {
  const ask = ++asked;
  const changes = countChanges;
  // This first cart call also clears a guest cart cookie that signing in merged.
  const [me, summary] = await queryPlain("users.me", "cart.summary");
  if (ask < shopper.answered) return;
  update({
    answered: ask,
    user: me.status === "fulfilled" ? me.value : shopper.user,
    ...(summary.status === "fulfilled" && changes === countChanges && { cartCount: summary.value.itemCount }),
  });
}

export async function refreshCartCount() {
  const changes = countChanges;
  const [summary] = await queryPlain("cart.summary");
  if (summary.status === "rejected") throw summary.reason;
  if (changes === countChanges) update({ cartCount: summary.value.itemCount });
}

export const currentCartCount = () => shopper.cartCount;

/** Shows a count at once, before the server has answered (the caller refreshes it once it has). */
export function setCartCount(count: number) {
  countChanges++;
  update({ cartCount: count });
}

const addsOnTheirWay = new Set<Promise<unknown>>();

/**
 * Settles once every add made so far has been answered. The badge counts an add before the server has it, so a view of
 * the cart's lines read in the meantime would miss it (or find no cart at all, for a guest's first add).
 */
export async function cartAddsSettled(): Promise<void> {
  await Promise.allSettled(addsOnTheirWay);
}

export const cartAddsOnTheirWay = () => addsOnTheirWay.size > 0;

/** Adds to the cart: the badge counts the units at once, goes back if the server refuses, and is asked again after. */
export async function addToCart(input: { variantId: number; quantity: number }) {
  const before = shopper.cartCount;
  setCartCount(before + input.quantity);
  const added = shopApi().then((api) => api.cart.add.mutate(input));
  addsOnTheirWay.add(added);
  try {
    return await added;
  } catch (error) {
    setCartCount(before);
    throw error;
  } finally {
    addsOnTheirWay.delete(added);
    void refreshCartCount().catch(() => {});
  }
}
