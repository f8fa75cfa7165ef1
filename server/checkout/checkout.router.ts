import { cartServiceCtx } from "../cart/cart.router";
import { createTRPCRouter, limited, publicProcedure } from "../trpc/init";
import { placeOrder } from "./place-order";
import { PlaceOrderInput } from "./schemas";

export const checkoutRouter = createTRPCRouter({
  // Public: a guest checks out the cart their verified cookie names; placeOrder checks the cart is the caller's.
  placeOrder: publicProcedure
    .input(PlaceOrderInput)
    .use(limited<PlaceOrderInput>((ctx, input) => [["placeOrderCart", input.cartId], ["placeOrderIp", ctx.ip]]))
    .mutation(({ ctx, input }) => placeOrder(cartServiceCtx(ctx), input)),
});
