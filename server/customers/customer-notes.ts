import { desc, eq } from "drizzle-orm";
import { customerNotes, users } from "@/db/schema";
import { requireAdmin, type ServiceContext } from "../context";
import { adminName } from "../orders/admin-order-details";
import { findShopper } from "./find-shopper";
import type { AddCustomerNoteInput, CustomerIdInput } from "./schemas";

export interface CustomerNoteView {
  id: string;
  body: string;
  /** The admin who wrote it; null once their account is gone. */
  author: string | null;
  createdAt: Date;
}

/** An internal note on a shopper, signed by the admin who wrote it; the shopper never sees it. */
export async function addCustomerNote(ctx: ServiceContext, input: AddCustomerNoteInput): Promise<{ id: string; createdAt: Date }> {
  const authorId = requireAdmin(ctx);
  await findShopper(ctx, input);
  const [row] = await ctx.db.insert(customerNotes).values({ userId: input.userId, authorId, body: input.body }).returning({ id: customerNotes.id, createdAt: customerNotes.createdAt });
  return row!;
}

/** A shopper's notes, newest first. */
export async function listCustomerNotes(ctx: ServiceContext, input: CustomerIdInput): Promise<CustomerNoteView[]> {
  requireAdmin(ctx);
  return ctx.db
    .select({ id: customerNotes.id, body: customerNotes.body, author: adminName, createdAt: customerNotes.createdAt })
    .from(customerNotes)
    .leftJoin(users, eq(users.id, customerNotes.authorId))
    .where(eq(customerNotes.userId, input.userId))
    .orderBy(desc(customerNotes.createdAt), desc(customerNotes.id));
}
