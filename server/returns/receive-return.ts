import { and, eq, sql } from "drizzle-orm";
import { orderEvents, returns } from "@/db/schema";
import { requireAdmin, withTransaction, type ServiceContext } from "../context";
import { conflict, notFound } from "../errors";
import { writeEvent } from "../events/write-event";
import type { ReturnStatus } from "./return-status";

/** The admin has the goods back: an approved return becomes received. Again, or later on, it changes nothing. */
export async function receiveReturn(ctx: ServiceContext, input: { returnId: string }): Promise<{ status: ReturnStatus; changed: boolean }> {
  requireAdmin(ctx);
  return withTransaction(ctx, async (tx) => {
    const [moved] = await tx.db
      .update(returns)
      .set({ status: "received", receivedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(returns.id, input.returnId), eq(returns.status, "approved")))
      .returning({ orderId: returns.orderId });
    if (moved) {
      await tx.db.insert(orderEvents).values({ orderId: moved.orderId, type: "return_received", detail: "Returned items received" });
      await writeEvent(tx, { name: "shop/return.received", data: { orderId: moved.orderId, returnId: input.returnId } }, { key: `return-${input.returnId}-received` });
      return { status: "received", changed: true };
    }
    const [row] = await tx.db.select({ status: returns.status }).from(returns).where(eq(returns.id, input.returnId));
    if (!row) throw notFound("Return");
    if (row.status === "requested") throw conflict("Approve this return before marking it received");
    if (row.status === "rejected") throw conflict("This return was rejected");
    return { status: row.status, changed: false };
  });
}
