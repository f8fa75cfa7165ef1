import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { orders, shipmentEvents, shipments, warehouses } from "@/db/schema";
import { withTransaction, type ServiceContext } from "../context";
import { env } from "../env";
import { notFound } from "../errors";
import { writeEvent } from "../events/write-event";
import { fileStorage } from "../storage/storage-for";
import { labelIdempotencyKey, type Carrier, type Rate } from "./carrier";
import { carrierFor } from "./carrier-for";
import { documentKey } from "./documents/document-key";
import { shipFrom } from "./ship-from";
import { requireFulfilment, type ShipmentStatus } from "./shipment-status";

/** A claim older than this is taken to be a crashed buyer's; the next buyer asks the carrier again under the same key. */
const CLAIM_TTL = sql`interval '10 minutes'`;

/** True for a shipment whose label a buyer is asking the carrier for right now (a claim younger than CLAIM_TTL). */
export const labelBeingBought = sql<boolean>`coalesce(${shipments.buyingSince} > now() - ${CLAIM_TTL}, false)`;

export type BuyLabelResult =
  | { outcome: "bought"; trackingCode: string }
  /** Someone else is buying it right now: nothing was asked of the carrier. */
  | { outcome: "in-progress" }
  /** The shipment is past pending (its label was bought before, or it was cancelled): nothing was asked of the carrier. */
  | { outcome: "not-pending"; status: ShipmentStatus };

/**
 * The rate of the service the shopper chose (the order keeps the carrier's service name). Orders placed before checkout
 * quoted the carrier name "standard" or "express": the cheapest rate, or the fastest (cheapest among equals).
 */
export function chooseRate(rates: Rate[], shippingMethod: string): Rate | undefined {
  const chosen = rates.find((r) => r.service === shippingMethod);
  if (chosen) return chosen;
  const days = (r: Rate) => r.deliveryDays ?? Number.POSITIVE_INFINITY;
  const byPrice = [...rates].sort((a, b) => a.amount - b.amount);
  if (shippingMethod === "express") return byPrice.sort((a, b) => days(a) - days(b))[0];
  return shippingMethod === "standard" ? byPrice[0] : undefined;
}

/**
 * Buys a pending shipment's label. The row is claimed first (one conditional UPDATE, committed at once), so a second
 * or concurrent buyer asks the carrier nothing; the carrier is then called outside any transaction or lock: a quote
 * whose rate is kept on the row (a retry buys the same rate), the purchase under labelIdempotencyKey (a retry after a
 * crash gets the label already bought, never a second one), its tracker. Our label PDF is stored, and the shipment
 * becomes label_purchased with its tracking, a timeline row and shop/label.purchased. A failure gives the
 * claim back and rethrows.
 */
export async function buyShipmentLabel(ctx: ServiceContext, input: { shipmentId: string }): Promise<BuyLabelResult> {
  requireFulfilment(ctx);
  if (ctx.inTransaction) throw new Error("buyShipmentLabel talks to the carrier: call it outside a transaction");
  const [claimed] = await ctx.db
    .update(shipments)
    .set({ buyingSince: sql`now()` })
    .where(and(eq(shipments.id, input.shipmentId), eq(shipments.status, "pending"), or(isNull(shipments.buyingSince), lt(shipments.buyingSince, sql`now() - ${CLAIM_TTL}`))))
    .returning();
  if (!claimed) {
    const [row] = await ctx.db.select({ status: shipments.status }).from(shipments).where(eq(shipments.id, input.shipmentId));
    if (!row) throw notFound("Shipment");
    return row.status === "pending" ? { outcome: "in-progress" } : { outcome: "not-pending", status: row.status };
  }
  try {
    return await buyClaimed(ctx, carrierFor(ctx), claimed);
  } catch (error) {
    await ctx.db.update(shipments).set({ buyingSince: null }).where(and(eq(shipments.id, claimed.id), eq(shipments.status, "pending")));
    throw error;
  }
}

async function buyClaimed(ctx: ServiceContext, carrier: Carrier, shipment: typeof shipments.$inferSelect): Promise<BuyLabelResult> {
  const [context] = await ctx.db
    .select({ to: orders.shippingAddress, shippingMethod: orders.shippingMethod, currency: orders.currency, warehouse: warehouses.name })
    .from(orders)
    .innerJoin(warehouses, eq(warehouses.id, shipment.warehouseId))
    .where(eq(orders.id, shipment.orderId));
  if (!context) throw notFound("Order");
  const from = shipFrom({ name: context.warehouse });

  let { carrierShipmentId, rateId } = shipment;
  if (!carrierShipmentId || !rateId) {
    const quote = await carrier.quoteRates({ from, to: context.to, parcel: { weightGrams: shipment.weightGrams }, currency: context.currency, reference: shipment.id });
    const rate = chooseRate(quote.rates, context.shippingMethod);
    if (!rate) throw notFound(`A ${context.shippingMethod} rate for shipment ${shipment.id}`);
    ({ carrierShipmentId, id: rateId } = rate);
    await ctx.db.update(shipments).set({ carrierShipmentId, rateId, carrier: rate.carrier, service: rate.service }).where(eq(shipments.id, shipment.id));
  }

  const label = await carrier.buyLabel({ carrierShipmentId, rateId, idempotencyKey: labelIdempotencyKey(shipment.id) });
  const tracker = await carrier.createTracker({ trackingCode: label.trackingCode, carrier: label.carrier });
  // pdf-lib and bwip-js load with the first label drawn, not with the server.
  const { renderShippingLabel } = await import("./documents/render-shipping-label");
  const pdf = await renderShippingLabel({
    trackingCode: label.trackingCode,
    carrier: label.carrier,
    service: label.service,
    from,
    to: context.to,
    weightGrams: shipment.weightGrams,
    shipmentRef: shipment.id.slice(0, 8).toUpperCase(),
  });
  const labelKey = documentKey("label", shipment.id);
  await (ctx.storage ?? fileStorage()).put(labelKey, pdf, "application/pdf");

  const result = await withTransaction(ctx, async (tx): Promise<BuyLabelResult> => {
    const [bought] = await tx.db
      .update(shipments)
      .set({
        status: "label_purchased",
        carrier: label.carrier,
        service: label.service,
        trackingCode: label.trackingCode,
        trackingUrl: tracker.publicUrl ?? new URL(`/orders/${shipment.orderId}`, env().NEXTAUTH_URL).toString(),
        labelKey,
        labelPurchasedAt: sql`now()`,
        buyingSince: null,
        updatedAt: sql`now()`,
      })
      .where(and(eq(shipments.id, shipment.id), eq(shipments.status, "pending")))
      .returning({ id: shipments.id });
    if (!bought) {
      const [row] = await tx.db.select({ status: shipments.status }).from(shipments).where(eq(shipments.id, shipment.id));
      return { outcome: "not-pending", status: row!.status };
    }
    await tx.db.insert(shipmentEvents).values({
      shipmentId: shipment.id,
      status: "label_purchased",
      carrierStatus: tracker.status,
      detail: `Label bought: ${label.carrier} ${label.service}, ${label.trackingCode}`,
      occurredAt: sql`now()`,
    });
    await writeEvent(tx, { name: "shop/label.purchased", data: { orderId: shipment.orderId, shipmentId: shipment.id } }, { key: `shipment-${shipment.id}-label` });
    return { outcome: "bought", trackingCode: label.trackingCode };
  });
  // Cancelled while this buyer talked to the carrier (its claim had grown old enough to be taken for a crashed one's):
  // the label it just bought must not stay live.
  if (result.outcome === "not-pending" && result.status === "cancelled") await carrier.voidLabel(carrierShipmentId);
  return result;
}
