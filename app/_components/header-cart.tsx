import { cookies } from "next/headers";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { CART_COOKIE } from "@/server/cart/cart-cookie";
import { MiniCart } from "./mini-cart";

/** The header's cart button, with its count fetched during the server render so the badge is right on first paint. */
export async function HeaderCart({ userId }: { userId: string | null }) {
  await prefetch(trpc.cart.summary.queryOptions());
  // The render above merged a signed-in shopper's guest cart but cannot clear its cookie: one client call will.
  const guestCookieLeft = userId !== null && (await cookies()).has(CART_COOKIE);
  return (
    <HydrateClient>
      <MiniCart userId={userId} refetchOnMount={guestCookieLeft} />
    </HydrateClient>
  );
}
