import { adminProcedure, createTRPCRouter, toServiceCtx } from "../trpc/init";
import { adminGetCustomer } from "./admin-get-customer";
import { adminListCustomers } from "./admin-list-customers";
import { AdminListCustomersInput, CustomerIdInput } from "./schemas";

export const adminCustomersRouter = createTRPCRouter({
  list: adminProcedure.input(AdminListCustomersInput).query(({ ctx, input }) => adminListCustomers(toServiceCtx(ctx), input)),
  get: adminProcedure.input(CustomerIdInput).query(({ ctx, input }) => adminGetCustomer(toServiceCtx(ctx), input)),
});
