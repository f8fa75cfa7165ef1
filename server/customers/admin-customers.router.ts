import { adminProcedure, createTRPCRouter, toServiceCtx } from "../trpc/init";
import { adminAnonymiseCustomer, adminSendPasswordReset } from "./admin-customer-actions";
import { adminGetCustomer } from "./admin-get-customer";
import { adminListCustomers } from "./admin-list-customers";
import { addCustomerNote } from "./customer-notes";
import { AddCustomerNoteInput, AdminListCustomersInput, CustomerIdInput } from "./schemas";

export const adminCustomersRouter = createTRPCRouter({
  list: adminProcedure.input(AdminListCustomersInput).query(({ ctx, input }) => adminListCustomers(toServiceCtx(ctx), input)),
  get: adminProcedure.input(CustomerIdInput).query(({ ctx, input }) => adminGetCustomer(toServiceCtx(ctx), input)),
  addNote: adminProcedure.input(AddCustomerNoteInput).mutation(({ ctx, input }) => addCustomerNote(toServiceCtx(ctx), input)),
  sendPasswordReset: adminProcedure.input(CustomerIdInput).mutation(({ ctx, input }) => adminSendPasswordReset(toServiceCtx(ctx), input)),
  anonymise: adminProcedure.input(CustomerIdInput).mutation(({ ctx, input }) => adminAnonymiseCustomer(toServiceCtx(ctx), input)),
});
