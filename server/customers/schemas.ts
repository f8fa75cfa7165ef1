import { z } from "zod";
import { AdminAddOrderNoteInput } from "../orders/schemas";

export const AdminListCustomersInput = z.strictObject({
  /** Part of a name or an email address. */
  q: z.string().trim().max(200).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type AdminListCustomersInput = z.input<typeof AdminListCustomersInput>;

export const CustomerIdInput = z.strictObject({ userId: z.string().trim().min(1).max(64) });
export type CustomerIdInput = z.infer<typeof CustomerIdInput>;

export const AddCustomerNoteInput = CustomerIdInput.extend({ body: AdminAddOrderNoteInput.shape.body });
export type AddCustomerNoteInput = z.infer<typeof AddCustomerNoteInput>;

/** What a customer has spent in one currency: paid orders' totals less what was refunded. */
export type MoneyInCurrency = { currency: string; amount: number };
