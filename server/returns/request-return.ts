import { eq } from "drizzle-orm";
import { orderEvents, orders, returnLines, returns } from "@/db/schema";
import { withTransaction, type ServiceContext } from "../context";
import { conflict, invalid, notFound } from "../errors";
import { writeEvent } from "../events/write-event";
import { requireOrderAccess } from "../orders/order-access";
import { RETURN_WINDOW_DAYS, selectReturnableLines, type ReturnableShipmentLine } from "./return-queries";
import type { RequestReturnInput } from "./schemas";

export interface RequestReturnResult {
  returnId: string;
  /** False when this request had been made already (the form sent twice). */
  changed: boolean;
}

type Allocation = Pick<ReturnableShipmentLine, "shipmentId" | "orderLineId" | "variantId" | "warehouseId"> & { quantity: number; amount: number };

/** Takes each asked quantity from the line's delivered shipments still in their window, oldest first; refuses more than is left. */
function allocate(returnable: ReturnableShipmentLine[], asked: RequestReturnInput["lines"]): Allocation[] {
  const allocations: Allocation[] = [];
  const errors: Record<string, string> = {};
  asked.forEach(({ orderLineId, quantity }, index) => {
    const delivered = returnable.filter((r) => r.orderLineId === orderLineId);
    const open = delivered.filter((r) => r.withinWindow && r.shipped > r.returned);
    const left = open.reduce((sum, r) => sum + r.shipped - r.returned, 0);
    if (quantity > left) {
      errors[`lines.${index}.quantity`] =
        delivered.length === 0
          ? "This item has not been delivered"
          : !delivered.some((r) => r.withinWindow)
            ? `Returns close ${RETURN_WINDOW_DAYS} days after delivery`
            : left === 0
              ? "This item has been returned already"
              : `At most ${left} can be returned`;
      return;
    }
    let wanted = quantity;
    for (const r of open) {
      const take = Math.min(wanted, r.shipped - r.returned);
      if (take === 0) break;
      allocations.push({ shipmentId: r.shipmentId, orderLineId, variantId: r.variantId, warehouseId: r.warehouseId, quantity: take, amount: take * r.unitAmount });
      wanted -= take;
    }
  });
  if (Object.keys(errors).length > 0) throw invalid("Some of these items cannot be returned", errors);
  return allocations;
}

/**
 * A shopper's (or a guest's, through the order link) request to return delivered lines within the return window, with
 * a reason. Keyed by the form's returnId, so a resubmitted form changes nothing. Lines are taken from the shipments that
 * delivered them, oldest first; the database refuses a shipment line returned beyond what it carried, even when two
 * requests race (the return_lines_within_shipped trigger).
 */
export async function requestReturn(ctx: ServiceContext, input: RequestReturnInput): Promise<RequestReturnResult> {
  const { orderId, returnId } = input;
  const [order] = await ctx.db.select({ userId: orders.userId, status: orders.status, currency: orders.currency }).from(orders).where(eq(orders.id, orderId));
  requireOrderAccess(ctx, order, input);
  const [made] = await ctx.db.select({ orderId: returns.orderId }).from(returns).where(eq(returns.id, returnId));
  if (made) {
    if (made.orderId !== orderId) throw notFound("Return");
    return { returnId, changed: false };
  }
  if (order!.status !== "paid") throw conflict(`This order is ${order!.status}: its items cannot be returned`);

  return withTransaction(ctx, async (tx) => {
    const allocations = allocate(await selectReturnableLines(tx.db, orderId), input.lines);
    const refundAmount = allocations.reduce((sum, a) => sum + a.amount, 0);
    if (refundAmount === 0) throw invalid("These items were free: there is nothing to refund", { lines: "Choose items you paid for" });
    const [inserted] = await tx.db
      .insert(returns)
      .values({ id: returnId, orderId, reason: input.reason, refundAmount, currency: order!.currency })
      .onConflictDoNothing()
      .returning({ id: returns.id });
    // A concurrent copy of this request made it first.
    if (!inserted) return { returnId, changed: false };
    try {
      await tx.db.insert(returnLines).values(allocations.map((a) => ({ returnId, ...a })));
    } catch (error) {
      if ((error as { cause?: { constraint_name?: string } }).cause?.constraint_name === "return_lines_within_shipped") {
        throw conflict("Some of these items were just returned in another request");
      }
      throw error;
    }
    const units = allocations.reduce((sum, a) => sum + a.quantity, 0);
    await tx.db.insert(orderEvents).values({ orderId, type: "return_requested", detail: `Return of ${units} item${units === 1 ? "" : "s"} requested: ${input.reason}` });
    await writeEvent(tx, { name: "shop/return.requested", data: { orderId, returnId } }, { key: `return-${returnId}-requested` });
    return { returnId, changed: true };
  });
}
