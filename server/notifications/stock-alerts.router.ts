import { createTRPCRouter, publicProcedure, toServiceCtx } from "../trpc/init";
import { SubscribeStockAlertInput } from "./schemas";
import { subscribeStockAlert } from "./subscribe-stock-alert";

export const stockAlertsRouter = createTRPCRouter({
  subscribe: publicProcedure.input(SubscribeStockAlertInput).mutation(({ ctx, input }) => subscribeStockAlert(toServiceCtx(ctx), input)),
});
