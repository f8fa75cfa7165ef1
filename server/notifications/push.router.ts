import { createTRPCRouter, shopperProcedure, toServiceCtx } from "../trpc/init";
import { deletePushSubscription, PushEndpointInput, pushPublicKey, pushSubscribed, PushSubscriptionInput, savePushSubscription } from "./push-subscriptions";

export const pushRouter = createTRPCRouter({
  publicKey: shopperProcedure.query(({ ctx }) => pushPublicKey(toServiceCtx(ctx))),
  status: shopperProcedure.input(PushEndpointInput).query(({ ctx, input }) => pushSubscribed(toServiceCtx(ctx), input)),
  subscribe: shopperProcedure.input(PushSubscriptionInput).mutation(({ ctx, input }) => savePushSubscription(toServiceCtx(ctx), input)),
  unsubscribe: shopperProcedure.input(PushEndpointInput).mutation(({ ctx, input }) => deletePushSubscription(toServiceCtx(ctx), input)),
});
