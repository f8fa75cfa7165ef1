import { createTRPCRouter, publicProcedure, shopperProcedure, toServiceCtx } from "../trpc/init";
import { getPreferences } from "./get-preferences";
import { UnsubscribeInput, UpdatePreferencesInput } from "./preference-schemas";
import { describeUnsubscribe, unsubscribe } from "./unsubscribe";
import { updatePreferences } from "./update-preferences";

export const preferencesRouter = createTRPCRouter({
  get: shopperProcedure.query(({ ctx }) => getPreferences(toServiceCtx(ctx))),
  update: shopperProcedure.input(UpdatePreferencesInput).mutation(({ ctx, input }) => updatePreferences(toServiceCtx(ctx), input)),
  // Public: the signed token in the link is the proof, so a reader unsubscribes without signing in.
  unsubscribeStatus: publicProcedure.input(UnsubscribeInput).query(({ ctx, input }) => describeUnsubscribe(toServiceCtx(ctx), input)),
  unsubscribe: publicProcedure.input(UnsubscribeInput).mutation(({ ctx, input }) => unsubscribe(toServiceCtx(ctx), input)),
});
