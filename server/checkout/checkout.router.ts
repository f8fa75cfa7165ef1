import { cartServiceCtx } from "../cart/cart.router";
import { createTRPCRouter, publicProcedure } from "../trpc/init";
import { placeOrder } from "./place-order";
import { PlaceOrderInput } from "./schemas";

export const checkoutRouter = createTRPCRouter({
  // Public: a guest checks out the cart their verified cookie names; placeOrder checks the cart is the caller's.
  placeOrder: publicProcedure.input(PlaceOrderInput).mutation(({ ctx, input }) => placeOrder(cartServiceCtx(ctx), input)),
});
