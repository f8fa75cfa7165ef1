import { adminProcedure, createTRPCRouter, toServiceCtx } from "../trpc/init";
import { getSearchStatus, requestReindex } from "./search-status";

export const adminSearchRouter = createTRPCRouter({
  status: adminProcedure.query(({ ctx }) => getSearchStatus(toServiceCtx(ctx))),
  reindex: adminProcedure.mutation(({ ctx }) => requestReindex(toServiceCtx(ctx))),
});
