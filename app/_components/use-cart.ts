"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import type { CartLine, CartView } from "@/server/cart/schemas";
import { currentCartCount, refreshCartCount, setCartCount } from "./shopper-store";

interface Snapshot {
  cart: CartView | null | undefined;
  /** The header's badge (shopper-store). */
  count: number;
}

/** The cart with new lines and the totals that follow from them (shipping is quoted at checkout, not kept on the cart). */
function withLines(cart: CartView, lines: CartLine[]): CartView {
  const subtotal = lines.reduce((sum, line) => sum + line.lineAmount, 0);
  const itemCount = lines.reduce((sum, line) => sum + line.quantity, 0);
  return { ...cart, lines, subtotal, itemCount };
}

/**
 * Mutation callbacks that show `change` in the cached cart and badge at once, put the old values back if the server
 * refuses, and refetch both afterwards. Cart writes share one scope, so they reach the server in the order clicked.
 */
function useOptimisticCart<TVariables>(change: (variables: TVariables, before: Snapshot) => Snapshot) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cartKey = trpc.cart.get.queryKey();
  const write = (snapshot: Snapshot) => {
    if (snapshot.cart !== undefined) queryClient.setQueryData(cartKey, snapshot.cart);
    setCartCount(snapshot.count);
  };
  return {
    scope: { id: "cart" },
    onMutate: async (variables: TVariables): Promise<Snapshot> => {
      await queryClient.cancelQueries({ queryKey: trpc.cart.pathKey() });
      const before: Snapshot = { cart: queryClient.getQueryData(cartKey), count: currentCartCount() };
      write(change(variables, before));
      return before;
    },
    onError: (_error: unknown, _variables: TVariables, before: Snapshot | undefined) => {
      if (before) write(before);
    },
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.cart.pathKey() }), refreshCartCount().catch(() => {})]),
  };
}

export function useUpdateCartLine() {
  const trpc = useTRPC();
  const callbacks = useOptimisticCart<{ variantId: number; quantity: number }>(({ variantId, quantity }, before) => {
    const cart =
      before.cart &&
      withLines(
        before.cart,
        before.cart.lines.map((line) =>
          line.variantId === variantId ? { ...line, quantity, lineAmount: line.unitAmount * quantity, shortBy: Math.max(0, quantity - line.available) } : line,
        ),
      );
    return { cart, count: cart ? cart.itemCount : before.count };
  });
  return useMutation(trpc.cart.updateLine.mutationOptions(callbacks));
}

export function useRemoveCartLine() {
  const trpc = useTRPC();
  const callbacks = useOptimisticCart<{ variantId: number }>(({ variantId }, before) => {
    const cart = before.cart && withLines(before.cart, before.cart.lines.filter((line) => line.variantId !== variantId));
    return { cart, count: cart ? cart.itemCount : before.count };
  });
  return useMutation(trpc.cart.removeLine.mutationOptions(callbacks));
}
