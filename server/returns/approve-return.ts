import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { orderEvents, orders, returnLines, returns, variants, warehouses } from "@/db/schema";
import { requireAdmin, withTransaction, type ServiceContext } from "../context";
import { conflict, notFound } from "../errors";
import { writeEvent } from "../events/write-event";
import { carrierFor } from "../shipping/carrier-for";
import { PACKAGING_GRAMS } from "../shipping/create-shipments-for-order";
import { shipFrom } from "../shipping/ship-from";
import { fileStorage } from "../storage/storage-for";
import { returnLabelFileKey } from "./return-label-key";
import type { ReturnStatus } from "./return-status";

/** A label claim older than this is taken to be a crashed approver's; the next one asks the carrier again under the same key. */
const CLAIM_TTL = sql`interval '10 minutes'`;

export interface ApproveReturnResult {
  status: ReturnStatus;
  /** True for the call that moved the return to approved. */
  changed: boolean;
  /** "in-progress": another call is buying it right now. */
  label: "issued" | "in-progress";
  trackingCode: string | null;
}

/** The carrier's idempotency key for a return's label: one label per return, however often approval is retried. */
export const returnLabelKey = (returnId: string) => `return-${returnId}-label`;

/**
 * Approves a requested return and issues its return label through the carrier port (is_return: the parcel the shop
 * sent, sent back). The move to approved is one conditional UPDATE; the label is claimed like a shipment's (committed
 * at once, so a second approver asks the carrier nothing), quoted and bought outside any transaction under
 * returnLabelKey, the rate kept on the row so a retry buys the same one; our PDF of it is stored for the shopper, and
 * shop/return.approved (the shopper's email with the label) is written once, with the label. Approving again retries
 * a label that failed, and otherwise changes nothing.
 */
export async function approveReturn(ctx: ServiceContext, input: { returnId: string }): Promise<ApproveReturnResult> {
  requireAdmin(ctx);
  if (ctx.inTransaction) throw new Error("approveReturn talks to the carrier: call it outside a transaction");
  const { returnId } = input;
  const changed = await withTransaction(ctx, async (tx) => {
    const [moved] = await tx.db
      .update(returns)
      .set({ status: "approved", approvedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(returns.id, returnId), eq(returns.status, "requested")))
      .returning({ orderId: returns.orderId });
    if (moved) await tx.db.insert(orderEvents).values({ orderId: moved.orderId, type: "return_approved", detail: "Return approved" });
    return moved !== undefined;
  });

  const [claimed] = await ctx.db
    .update(returns)
    .set({ labelBuyingSince: sql`now()` })
    .where(
      and(
        eq(returns.id, returnId),
        eq(returns.status, "approved"),
        isNull(returns.trackingCode),
        or(isNull(returns.labelBuyingSince), lt(returns.labelBuyingSince, sql`now() - ${CLAIM_TTL}`)),
      ),
    )
    .returning();
  if (!claimed) {
    const [row] = await ctx.db.select({ status: returns.status, trackingCode: returns.trackingCode }).from(returns).where(eq(returns.id, returnId));
    if (!row) throw notFound("Return");
    if (row.status === "requested") throw conflict("This return is not approved yet");
    if (row.status === "rejected") throw conflict("This return was rejected");
    return { status: row.status, changed, label: row.trackingCode || row.status !== "approved" ? "issued" : "in-progress", trackingCode: row.trackingCode };
  }
  try {
    const trackingCode = await buyReturnLabel(ctx, claimed);
    return { status: "approved", changed, label: "issued", trackingCode };
  } catch (error) {
    await ctx.db.update(returns).set({ labelBuyingSince: null }).where(and(eq(returns.id, returnId), isNull(returns.trackingCode)));
    throw error;
  }
}

async function buyReturnLabel(ctx: ServiceContext, claimed: typeof returns.$inferSelect): Promise<string> {
  const carrier = carrierFor(ctx);
  const [parcel] = await ctx.db
    .select({
      customer: orders.shippingAddress,
      warehouse: sql<string>`min(${warehouses.name})`,
      weightGrams: sql<number>`(sum(${returnLines.quantity} * ${variants.weightGrams}) + ${PACKAGING_GRAMS})::int`,
    })
    .from(returnLines)
    .innerJoin(orders, eq(orders.id, claimed.orderId))
    .innerJoin(variants, eq(variants.id, returnLines.variantId))
    .innerJoin(warehouses, eq(warehouses.id, returnLines.warehouseId))
    .where(eq(returnLines.returnId, claimed.id))
    .groupBy(orders.shippingAddress);
  if (!parcel) throw notFound("Return lines");

  let { carrierShipmentId, rateId } = claimed;
  if (!carrierShipmentId || !rateId) {
    // Every warehouse ships from the shop's one address (ship-from.ts), so one label brings the whole return home.
    const quote = await carrier.quoteRates({
      from: shipFrom({ name: parcel.warehouse }),
      to: parcel.customer,
      parcel: { weightGrams: parcel.weightGrams },
      currency: claimed.currency,
      reference: `return-${claimed.id}`,
      isReturn: true,
    });
    const cheapest = [...quote.rates].sort((a, b) => a.amount - b.amount)[0];
    if (!cheapest) throw conflict("The carrier offered no rate for this return");
    ({ carrierShipmentId, id: rateId } = cheapest);
    await ctx.db.update(returns).set({ carrierShipmentId, rateId, carrier: cheapest.carrier, service: cheapest.service }).where(eq(returns.id, claimed.id));
  }
  const label = await carrier.buyLabel({ carrierShipmentId, rateId, idempotencyKey: returnLabelKey(claimed.id) });
  // The shopper prints our PDF whichever carrier sold the label: from their address back to the warehouse.
  const { renderShippingLabel } = await import("../shipping/documents/render-shipping-label");
  const pdf = await renderShippingLabel({
    trackingCode: label.trackingCode,
    carrier: label.carrier,
    service: label.service,
    from: parcel.customer,
    to: shipFrom({ name: parcel.warehouse }),
    weightGrams: parcel.weightGrams,
    shipmentRef: `RETURN ${claimed.id.slice(0, 8).toUpperCase()}`,
  });
  const labelKey = returnLabelFileKey(claimed.id);
  await (ctx.storage ?? fileStorage()).put(labelKey, pdf, "application/pdf");
  await withTransaction(ctx, async (tx) => {
    const [issued] = await tx.db
      .update(returns)
      .set({ carrier: label.carrier, service: label.service, trackingCode: label.trackingCode, labelUrl: label.labelUrl, labelKey, labelPurchasedAt: sql`now()`, labelBuyingSince: null, updatedAt: sql`now()` })
      .where(and(eq(returns.id, claimed.id), isNull(returns.trackingCode)))
      .returning({ id: returns.id });
    if (issued) {
      await tx.db.insert(orderEvents).values({ orderId: claimed.orderId, type: "return_label", detail: `Return label: ${label.carrier} ${label.service}, ${label.trackingCode}` });
      // The shopper's "approved" email carries the label, so it is announced once the label exists.
      await writeEvent(tx, { name: "shop/return.approved", data: { orderId: claimed.orderId, returnId: claimed.id } }, { key: `return-${claimed.id}-approved` });
    }
  });
  return label.trackingCode;
}
