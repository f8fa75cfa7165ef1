import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { MiniCart } from "./mini-cart";

/** The header's cart button, with its count fetched during the server render so the badge is right on first paint. */
export async function HeaderCart({ userId }: { userId: string | null }) {
  await prefetch(trpc.cart.summary.queryOptions());
  return (
    <HydrateClient>
      <MiniCart userId={userId} />
    </HydrateClient>
  );
}
