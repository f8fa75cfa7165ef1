import { and, eq, sql } from "drizzle-orm";
import { orderEvents, returns } from "@/db/schema";
import { requireAdmin, withTransaction, type ServiceContext } from "../context";
import { conflict, notFound } from "../errors";
import { writeEvent } from "../events/write-event";
import type { ReturnStatus } from "./return-status";
import type { AdminRejectReturnInput } from "./schemas";

/**
 * The admin turns a requested return down, with a reason the shopper sees on their order page and in the email. One
 * conditional UPDATE: again (even with another reason), it changes nothing; a return approved already cannot be rejected.
 */
export async function rejectReturn(ctx: ServiceContext, input: AdminRejectReturnInput): Promise<{ status: ReturnStatus; changed: boolean }> {
  requireAdmin(ctx);
  return withTransaction(ctx, async (tx) => {
    const [moved] = await tx.db
      .update(returns)
      .set({ status: "rejected", rejectionReason: input.reason, rejectedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(returns.id, input.returnId), eq(returns.status, "requested")))
      .returning({ orderId: returns.orderId });
    if (moved) {
      await tx.db.insert(orderEvents).values({ orderId: moved.orderId, type: "return_rejected", detail: `Return rejected: ${input.reason}` });
      await writeEvent(tx, { name: "shop/return.rejected", data: { orderId: moved.orderId, returnId: input.returnId } }, { key: `return-${input.returnId}-rejected` });
      return { status: "rejected", changed: true };
    }
    const [row] = await tx.db.select({ status: returns.status }).from(returns).where(eq(returns.id, input.returnId));
    if (!row) throw notFound("Return");
    if (row.status !== "rejected") throw conflict(`This return is ${row.status} already: it cannot be rejected`);
    return { status: "rejected", changed: false };
  });
}
