import { orderNotes } from "@/db/schema";
import { requireAdmin, type ServiceContext } from "../context";
import { notFound } from "../errors";
import { selectOrderState } from "./order-queries";
import type { AdminAddOrderNoteInput } from "./schemas";

/** An internal note on an order, signed by the admin who wrote it; the customer never sees it. */
export async function addOrderNote(ctx: ServiceContext, input: AdminAddOrderNoteInput): Promise<{ id: number; createdAt: Date }> {
  const authorId = requireAdmin(ctx);
  if (!(await selectOrderState(ctx.db, input.orderId))) throw notFound("Order");
  const [row] = await ctx.db.insert(orderNotes).values({ orderId: input.orderId, authorId, body: input.body }).returning({ id: orderNotes.id, createdAt: orderNotes.createdAt });
  return row!;
}
