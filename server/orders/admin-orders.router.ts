import { adminProcedure, createTRPCRouter, toServiceCtx } from "../trpc/init";
import { adminCancelOrder } from "./admin-cancel-order";
import { adminGetOrder } from "./admin-get-order";
import { adminListOrders } from "./admin-list-orders";
import { adminRefundOrder } from "./admin-refund-order";
import { AdminCancelOrderInput, AdminListOrdersInput, AdminOrderIdInput, AdminRefundOrderInput } from "./schemas";

export const adminOrdersRouter = createTRPCRouter({
  list: adminProcedure.input(AdminListOrdersInput).query(({ ctx, input }) => adminListOrders(toServiceCtx(ctx), input)),
  get: adminProcedure.input(AdminOrderIdInput).query(({ ctx, input }) => adminGetOrder(toServiceCtx(ctx), input)),
  cancel: adminProcedure.input(AdminCancelOrderInput).mutation(({ ctx, input }) => adminCancelOrder(toServiceCtx(ctx), input)),
  refund: adminProcedure.input(AdminRefundOrderInput).mutation(({ ctx, input }) => adminRefundOrder(toServiceCtx(ctx), input)),
});
