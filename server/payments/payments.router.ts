import { createTRPCRouter, publicProcedure, toServiceCtx } from "../trpc/init";
import { confirmPayment } from "./confirm-payment";
import { getPaySession } from "./get-pay-session";
import { PaymentOrderInput } from "./schemas";

export const paymentsRouter = createTRPCRouter({
  session: publicProcedure.input(PaymentOrderInput).query(({ ctx, input }) => getPaySession(toServiceCtx(ctx), input)),
  confirm: publicProcedure.input(PaymentOrderInput).mutation(({ ctx, input }) => confirmPayment(toServiceCtx(ctx), input)),
});
