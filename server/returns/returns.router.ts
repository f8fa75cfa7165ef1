import { createTRPCRouter, publicProcedure, toServiceCtx } from "../trpc/init";
import { listOrderReturns } from "./list-order-returns";
import { requestReturn } from "./request-return";
import { OrderReturnsInput, RequestReturnInput } from "./schemas";

// Public like orders.get: a guest reaches their order with its signed token; anyone else is told it does not exist.
export const returnsRouter = createTRPCRouter({
  forOrder: publicProcedure.input(OrderReturnsInput).query(({ ctx, input }) => listOrderReturns(toServiceCtx(ctx), input)),
  request: publicProcedure.input(RequestReturnInput).mutation(({ ctx, input }) => requestReturn(toServiceCtx(ctx), input)),
});
