import { and, eq } from "drizzle-orm";
import { orders, returns } from "@/db/schema";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { requireOrderAccess } from "../orders/order-access";
import type { DocumentFile } from "../shipping/get-shipment-document";
import { fileStorage } from "../storage/storage-for";
import type { ReturnLabelInput } from "./schemas";

/**
 * A return's label PDF, for the shopper who placed the order, whoever holds its signed link, or an admin; anyone else,
 * a return of another order, or a label not issued yet is NotFound (the same answer, so nothing can be probed).
 */
export async function getReturnLabel(ctx: ServiceContext, input: ReturnLabelInput): Promise<DocumentFile> {
  const [row] = await ctx.db
    .select({ userId: orders.userId, number: orders.number, labelKey: returns.labelKey })
    .from(returns)
    .innerJoin(orders, eq(orders.id, returns.orderId))
    .where(and(eq(returns.id, input.returnId), eq(returns.orderId, input.orderId)));
  if (ctx.actor.type !== "admin") requireOrderAccess(ctx, row, input);
  const file = row?.labelKey ? await (ctx.storage ?? fileStorage()).get(row.labelKey) : null;
  if (!row || !file) throw notFound("Return label");
  return { bytes: file.bytes, contentType: file.contentType, filename: `return-label-${row.number}-${input.returnId.slice(0, 8).toUpperCase()}.pdf` };
}
