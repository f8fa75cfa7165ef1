import type { ServiceContext } from "../context";
import { setCheckoutDetails } from "../checkout/set-checkout-details";
import { SetCheckoutDetailsInput } from "../checkout/details-schemas";
import { listShippingMethods } from "../checkout/shipping-methods";
import { createTRPCRouter, publicProcedure, toServiceCtx, type TrpcContext } from "../trpc/init";
import { addToCart } from "./add-to-cart";
import { getCart } from "./get-cart";
import { getCartSummary } from "./get-cart-summary";
import { mergeGuestCart } from "./merge-guest-cart";
import { removeCartLine } from "./remove-cart-line";
import { AddToCartInput, RemoveCartLineInput, UpdateCartLineInput } from "./schemas";
import { updateCartLine } from "./update-cart-line";

/** The service context with the verified guest cart id, for verbs that check a guest owns a cart (placeOrder). */
export function cartServiceCtx(ctx: TrpcContext): ServiceContext {
  return { ...toServiceCtx(ctx), guestCartId: ctx.guestCartId ?? null };
}

/**
 * Every cart call first folds a guest cart left from before sign-in into the user's cart and clears the cookie, so the
 * merge happens lazily on the first cart call after signing in. The verbs below see the guest cart id only for guests.
 */
export const cartProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const signedIn = ctx.actor.type === "shopper" || ctx.actor.type === "admin";
  if (signedIn && ctx.guestCartId) {
    await mergeGuestCart(toServiceCtx(ctx), { guestCartId: ctx.guestCartId });
    ctx.setGuestCartId?.(null);
  }
  const guestCartId = signedIn ? null : (ctx.guestCartId ?? null);
  return next({ ctx: { ...ctx, guestCartId, service: { ...toServiceCtx(ctx), guestCartId } } });
});

/** A guest's first add makes a cart: remember it in the cookie. */
function rememberGuestCart(ctx: TrpcContext, cartId: string) {
  if (ctx.actor.type === "anonymous" && ctx.guestCartId !== cartId) ctx.setGuestCartId?.(cartId);
}

export const cartRouter = createTRPCRouter({
  get: cartProcedure.query(({ ctx }) => getCart(ctx.service, { guestCartId: ctx.guestCartId })),
  summary: cartProcedure.query(({ ctx }) => getCartSummary(ctx.service, { guestCartId: ctx.guestCartId })),
  add: cartProcedure.input(AddToCartInput).mutation(async ({ ctx, input }) => {
    const result = await addToCart(ctx.service, { ...input, guestCartId: ctx.guestCartId });
    rememberGuestCart(ctx, result.cartId);
    return result;
  }),
  updateLine: cartProcedure.input(UpdateCartLineInput).mutation(({ ctx, input }) => updateCartLine(ctx.service, { ...input, guestCartId: ctx.guestCartId })),
  removeLine: cartProcedure.input(RemoveCartLineInput).mutation(({ ctx, input }) => removeCartLine(ctx.service, { ...input, guestCartId: ctx.guestCartId })),
  setCheckoutDetails: cartProcedure
    .input(SetCheckoutDetailsInput)
    .mutation(({ ctx, input }) => setCheckoutDetails(ctx.service, { ...input, guestCartId: ctx.guestCartId })),
  shippingMethods: cartProcedure.query(({ ctx }) => listShippingMethods(ctx.service, { guestCartId: ctx.guestCartId })),
});
