import { adminProcedure, createTRPCRouter, toServiceCtx } from "../trpc/init";
import { adminListOrderReturns } from "./list-order-returns";
import { approveReturn } from "./approve-return";
import { receiveReturn } from "./receive-return";
import { refundReturn } from "./refund-return";
import { AdminOrderReturnsInput, AdminRefundReturnInput, AdminReturnInput } from "./schemas";

export const adminReturnsRouter = createTRPCRouter({
  forOrder: adminProcedure.input(AdminOrderReturnsInput).query(({ ctx, input }) => adminListOrderReturns(toServiceCtx(ctx), input)),
  approve: adminProcedure.input(AdminReturnInput).mutation(({ ctx, input }) => approveReturn(toServiceCtx(ctx), input)),
  receive: adminProcedure.input(AdminReturnInput).mutation(({ ctx, input }) => receiveReturn(toServiceCtx(ctx), input)),
  refund: adminProcedure.input(AdminRefundReturnInput).mutation(({ ctx, input }) => refundReturn(toServiceCtx(ctx), input)),
});
