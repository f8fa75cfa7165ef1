import { adminProcedure, createTRPCRouter, toServiceCtx } from "../trpc/init";
import { adminListOrderReturns } from "./list-order-returns";
import { listReturns } from "./list-returns";
import { approveReturn } from "./approve-return";
import { receiveReturn } from "./receive-return";
import { refundReturn } from "./refund-return";
import { rejectReturn } from "./reject-return";
import { AdminListReturnsInput, AdminOrderReturnsInput, AdminRefundReturnInput, AdminRejectReturnInput, AdminReturnInput } from "./schemas";

export const adminReturnsRouter = createTRPCRouter({
  list: adminProcedure.input(AdminListReturnsInput).query(({ ctx, input }) => listReturns(toServiceCtx(ctx), input)),
  forOrder: adminProcedure.input(AdminOrderReturnsInput).query(({ ctx, input }) => adminListOrderReturns(toServiceCtx(ctx), input)),
  approve: adminProcedure.input(AdminReturnInput).mutation(({ ctx, input }) => approveReturn(toServiceCtx(ctx), input)),
  reject: adminProcedure.input(AdminRejectReturnInput).mutation(({ ctx, input }) => rejectReturn(toServiceCtx(ctx), input)),
  receive: adminProcedure.input(AdminReturnInput).mutation(({ ctx, input }) => receiveReturn(toServiceCtx(ctx), input)),
  refund: adminProcedure.input(AdminRefundReturnInput).mutation(({ ctx, input }) => refundReturn(toServiceCtx(ctx), input)),
});
