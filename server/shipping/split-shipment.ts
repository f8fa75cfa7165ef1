import { and, eq, gt, sql } from "drizzle-orm";
import { shipmentLines, shipments } from "@/db/schema";
import { requireAdmin, withTransaction, type ServiceContext } from "../context";
import { conflict, invalid, notFound } from "../errors";
import { PACKAGING_GRAMS } from "./create-shipments-for-order";
import type { SplitShipmentInput } from "./schemas";

/** A claim younger than this is a purchase still talking to the carrier (buyShipmentLabel's CLAIM_TTL). */
const BUYING = sql`${shipments.buyingSince} > now() - interval '10 minutes'`;

/** The pending shipment locked for a change of its lines; Conflict when its label is bought or being bought. */
export async function lockPendingShipment(ctx: ServiceContext, shipmentId: string) {
  const [row] = await ctx.db
    .select({ id: shipments.id, orderId: shipments.orderId, warehouseId: shipments.warehouseId, status: shipments.status, buying: sql<boolean>`coalesce(${BUYING}, false)` })
    .from(shipments)
    .where(eq(shipments.id, shipmentId))
    .for("update");
  if (!row) throw notFound("Shipment");
  if (row.status !== "pending") throw conflict(`the shipment is ${row.status.replace("_", " ")}: only a pending shipment changes`);
  if (row.buying) throw conflict("a label is being bought for this shipment");
  return row;
}

/** Each shipment's weight from its lines, with packaging, as createShipmentsForOrder weighs it. */
export async function reweigh(ctx: ServiceContext, ids: string[]) {
  await ctx.db.execute(sql`
    update shipments s set weight_grams = w.grams + ${PACKAGING_GRAMS}, updated_at = now()
      from (select sl.shipment_id, sum(sl.quantity * v.weight_grams)::int as grams
              from shipment_lines sl join variants v on v.id = sl.variant_id
             where sl.shipment_id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) group by sl.shipment_id) w
     where s.id = w.shipment_id`);
}

/**
 * Partial fulfilment: the chosen quantities leave a pending shipment for a new pending shipment of their own (same
 * order and warehouse, parent_id the original), which ships now; the rest stays for later. Both are weighed again.
 * The shipment row is locked, each line moves by a conditional UPDATE (or DELETE when all of it moves), and the
 * database's shipment_lines_within_order trigger refuses any write that would ship more than was ordered.
 * Answers the new shipment's id.
 */
export async function splitShipment(ctx: ServiceContext, input: SplitShipmentInput): Promise<{ shipmentId: string }> {
  requireAdmin(ctx);
  return withTransaction(ctx, async (tx) => {
    const from = await lockPendingShipment(tx, input.shipmentId);
    const moved: { orderLineId: number; variantId: number; quantity: number }[] = [];
    for (const line of [...input.lines].sort((a, b) => a.orderLineId - b.orderLineId)) {
      const match = and(eq(shipmentLines.shipmentId, from.id), eq(shipmentLines.orderLineId, line.orderLineId));
      const [whole] = await tx.db.delete(shipmentLines).where(and(match, eq(shipmentLines.quantity, line.quantity))).returning({ variantId: shipmentLines.variantId });
      const [part] = whole
        ? [whole]
        : await tx.db
            .update(shipmentLines)
            .set({ quantity: sql`${shipmentLines.quantity} - ${line.quantity}` })
            .where(and(match, gt(shipmentLines.quantity, line.quantity)))
            .returning({ variantId: shipmentLines.variantId });
      if (!part) throw invalid("the shipment holds fewer than that", { [`lines.${input.lines.indexOf(line)}.quantity`]: "More than this shipment holds" });
      moved.push({ orderLineId: line.orderLineId, variantId: part.variantId, quantity: line.quantity });
    }
    const [left] = await tx.db.select({ n: sql<number>`count(*)::int` }).from(shipmentLines).where(eq(shipmentLines.shipmentId, from.id));
    if (!left?.n) throw invalid("that is the whole shipment: ship it as it is");

    const [made] = await tx.db
      .insert(shipments)
      .values({ orderId: from.orderId, warehouseId: from.warehouseId, parentId: from.id, weightGrams: PACKAGING_GRAMS })
      .returning({ id: shipments.id });
    await tx.db.insert(shipmentLines).values(moved.map((m) => ({ ...m, shipmentId: made!.id })));
    await reweigh(tx, [from.id, made!.id]);
    return { shipmentId: made!.id };
  });
}
