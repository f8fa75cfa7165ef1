import { createTRPCRouter, publicProcedure, shopperProcedure, toServiceCtx } from "../trpc/init";
import { getOrder } from "./get-order";
import { listMyOrders } from "./list-my-orders";
import { GetOrderInput, ListMyOrdersInput } from "./schemas";

export const ordersRouter = createTRPCRouter({
  // Public: a guest opens their order with its signed token; getOrder answers NOT_FOUND to anyone it does not belong to.
  get: publicProcedure.input(GetOrderInput).query(({ ctx, input }) => getOrder(toServiceCtx(ctx), input)),
  list: shopperProcedure.input(ListMyOrdersInput).query(({ ctx, input }) => listMyOrders(toServiceCtx(ctx), input)),
});
