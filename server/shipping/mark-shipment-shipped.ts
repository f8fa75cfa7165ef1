import { eq, sql } from "drizzle-orm";
import { shipmentEvents, shipments } from "@/db/schema";
import { requireAdmin, withTransaction, type ServiceContext } from "../context";
import { env } from "../env";
import { conflict, uniqueViolation } from "../errors";
import { writeEvent } from "../events/write-event";
import type { MarkShippedInput } from "./schemas";
import { lockPendingShipment } from "./split-shipment";

/**
 * A pending shipment sent with another carrier's label: in transit at once with that carrier's name and tracking
 * number, a timeline row, and shop/shipment.shipped for the shopper's notice (keyed as the tracking webhook keys it).
 * A tracking number another shipment of that carrier already has is a Conflict.
 */
export async function markShipmentShipped(ctx: ServiceContext, input: MarkShippedInput): Promise<{ shipmentId: string }> {
  requireAdmin(ctx);
  try {
    return await withTransaction(ctx, async (tx) => {
      const shipment = await lockPendingShipment(tx, input.shipmentId);
      const trackingUrl = input.trackingUrl ?? new URL(`/orders/${shipment.orderId}`, env().NEXTAUTH_URL).toString();
      const [row] = await tx.db
        .update(shipments)
        .set({ status: "in_transit", carrier: input.carrier, service: null, trackingCode: input.trackingCode, trackingUrl, buyingSince: null, updatedAt: sql`now()` })
        .where(eq(shipments.id, shipment.id))
        .returning({ at: shipments.updatedAt });
      const occurredAt = row!.at;
      await tx.db.insert(shipmentEvents).values({
        shipmentId: shipment.id,
        status: "in_transit",
        carrierStatus: "in_transit",
        detail: `Handed to ${input.carrier}, tracking number ${input.trackingCode}`,
        occurredAt,
      });
      await writeEvent(
        tx,
        {
          name: "shop/shipment.shipped",
          data: { orderId: shipment.orderId, shipmentId: shipment.id, carrier: input.carrier, trackingCode: input.trackingCode, trackingUrl, occurredAt: occurredAt.toISOString() },
        },
        { key: `shipment-${shipment.id}-in_transit` },
      );
      return { shipmentId: shipment.id };
    });
  } catch (error) {
    if (uniqueViolation(error) === "shipments_tracking_key") throw conflict("another shipment has this tracking number", { trackingCode: "Already used for another parcel" });
    throw error;
  }
}
