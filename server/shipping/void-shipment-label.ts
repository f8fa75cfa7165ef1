import { and, desc, eq, sql } from "drizzle-orm";
import { shipmentEvents, shipments } from "@/db/schema";
import { requireAdmin, withTransaction, type ServiceContext } from "../context";
import { conflict, notFound } from "../errors";
import { carrierFor } from "./carrier-for";

/** The newest shipment made from this one: after a void, its replacement. */
async function replacementOf(ctx: ServiceContext, shipmentId: string): Promise<{ shipmentId: string }> {
  const [row] = await ctx.db.select({ id: shipments.id }).from(shipments).where(eq(shipments.parentId, shipmentId)).orderBy(desc(shipments.createdAt)).limit(1);
  if (!row) throw conflict("the shipment was cancelled without a replacement");
  return { shipmentId: row.id };
}

/**
 * Voids a bought label before the parcel moves: the carrier voids it and refunds the postage (asking twice answers the
 * same), then in one transaction the shipment is cancelled (forward-only: label_purchased → cancelled) with a timeline
 * row, and a pending replacement with the same lines (parent_id the voided one) waits for a new label, bought under
 * its own idempotency key. Voiding again answers the same replacement. Answers the replacement's id.
 */
export async function voidShipmentLabel(ctx: ServiceContext, input: { shipmentId: string }): Promise<{ shipmentId: string }> {
  requireAdmin(ctx);
  if (ctx.inTransaction) throw new Error("voidShipmentLabel talks to the carrier: call it outside a transaction");
  const [shipment] = await ctx.db.select().from(shipments).where(eq(shipments.id, input.shipmentId));
  if (!shipment) throw notFound("Shipment");
  if (shipment.status === "cancelled") return replacementOf(ctx, shipment.id);
  if (shipment.status !== "label_purchased" || !shipment.carrierShipmentId) throw conflict(`the shipment is ${shipment.status.replace("_", " ")}: only a bought label that has not moved can be voided`);

  const voided = await carrierFor(ctx).voidLabel(shipment.carrierShipmentId);
  if (voided.refundStatus === "rejected") throw conflict("the carrier refused to void this label");

  return withTransaction(ctx, async (tx) => {
    const [cancelled] = await tx.db
      .update(shipments)
      .set({ status: "cancelled", updatedAt: sql`now()` })
      .where(and(eq(shipments.id, shipment.id), eq(shipments.status, "label_purchased")))
      .returning({ id: shipments.id });
    if (!cancelled) {
      const [now] = await tx.db.select({ status: shipments.status }).from(shipments).where(eq(shipments.id, shipment.id));
      if (now?.status === "cancelled") return replacementOf(tx, shipment.id);
      throw conflict(`the parcel is ${now?.status.replace("_", " ")}: too late to void its label`);
    }
    await tx.db.insert(shipmentEvents).values({
      shipmentId: shipment.id,
      status: "cancelled",
      carrierStatus: "cancelled",
      detail: `Label ${shipment.trackingCode} voided; postage refund ${voided.refundStatus.replace("_", " ")}`,
      occurredAt: sql`now()`,
    });
    const [replacement] = await tx.db
      .insert(shipments)
      .values({ orderId: shipment.orderId, warehouseId: shipment.warehouseId, parentId: shipment.id, weightGrams: shipment.weightGrams })
      .returning({ id: shipments.id });
    await tx.db.execute(sql`
      insert into shipment_lines (shipment_id, order_line_id, variant_id, quantity)
      select ${replacement!.id}, order_line_id, variant_id, quantity from shipment_lines where shipment_id = ${shipment.id}`);
    return { shipmentId: replacement!.id };
  });
}
