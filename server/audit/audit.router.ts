import { adminProcedure, createTRPCRouter, toServiceCtx } from "../trpc/init";
import { listAuditLog } from "./list-audit-log";
import { ListAuditLogInput } from "./schemas";

export const auditRouter = createTRPCRouter({
  list: adminProcedure.input(ListAuditLogInput).query(({ ctx, input }) => listAuditLog(toServiceCtx(ctx), input)),
});
