import { adminProcedure, createTRPCRouter, toServiceCtx } from "../trpc/init";
import { addOrderNote } from "./add-order-note";
import { adminCancelOrder } from "./admin-cancel-order";
import { adminGetOrder } from "./admin-get-order";
import { adminListOrders } from "./admin-list-orders";
import { refundOrder } from "./refund-order";
import { AdminAddOrderNoteInput, AdminCancelOrderInput, AdminListOrdersInput, AdminOrderIdInput, AdminRefundInput } from "./schemas";

export const adminOrdersRouter = createTRPCRouter({
  list: adminProcedure.input(AdminListOrdersInput).query(({ ctx, input }) => adminListOrders(toServiceCtx(ctx), input)),
  get: adminProcedure.input(AdminOrderIdInput).query(({ ctx, input }) => adminGetOrder(toServiceCtx(ctx), input)),
  cancel: adminProcedure.input(AdminCancelOrderInput).mutation(({ ctx, input }) => adminCancelOrder(toServiceCtx(ctx), input)),
  refund: adminProcedure.input(AdminRefundInput).mutation(({ ctx, input }) => refundOrder(toServiceCtx(ctx), input)),
  addNote: adminProcedure.input(AdminAddOrderNoteInput).mutation(({ ctx, input }) => addOrderNote(toServiceCtx(ctx), input)),
});
