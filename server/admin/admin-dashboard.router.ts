import { adminProcedure, createTRPCRouter, toServiceCtx } from "../trpc/init";
import { getDashboard } from "./get-dashboard";

export const adminDashboardRouter = createTRPCRouter({
  get: adminProcedure.query(({ ctx }) => getDashboard(toServiceCtx(ctx))),
});
