import { eq } from "drizzle-orm";
import { orders, shipments } from "@/db/schema";
import type { ShippingAddress } from "@/db/schema/orders";
import type { ServiceContext } from "../context";
import { carrierWebhookSecret, env, simulatedTrackingHourMs } from "../env";
import { carrierFor } from "./carrier-for";
import { SIMULATED_CARRIER } from "./carrier-simulator";
import { postTrackingEvents } from "./post-tracking-events";
import { deliveryOrder, trackingTimeline, type TrackingScript } from "./tracking-timeline";

/** One webhook the simulator will post: how long to wait after the previous one, and the signed body. */
// A type, not an interface: step results must be JSON-shaped records.
export type TrackingDelivery = {
  waitMs: number;
  payload: string;
};

/**
 * The script a parcel plays, named by its address's second line as the payment simulator's test cards name outcomes:
 * "delayed", "exception" or "return" in it; anything else is delivered normally.
 */
export function scriptFor(address: Pick<ShippingAddress, "line2">): TrackingScript {
  const line = address.line2?.toLowerCase() ?? "";
  if (line.includes("delayed")) return "delayed";
  if (line.includes("exception")) return "exception";
  return line.includes("return") ? "return_to_sender" : "normal";
}

/**
 * The tracking the carrier simulator plays for a label it sold: the script's tracker.updated events, timed from now
 * at CARRIER_SIMULATOR_TRACKING ms per script hour, in the order a real sender delivers them (out of order, with
 * duplicates); each waits for its own carrier time. Null when the carrier is not the simulator, playback is off, or
 * the shipment has no label of the simulator's.
 */
export async function planSimulatedTracking(ctx: ServiceContext, input: { shipmentId: string; now?: Date }): Promise<TrackingDelivery[] | null> {
  const msPerHour = simulatedTrackingHourMs();
  if (msPerHour === 0 || carrierFor(ctx).name !== "simulator") return null;
  const [row] = await ctx.db
    .select({ carrier: shipments.carrier, trackingCode: shipments.trackingCode, labelKey: shipments.labelKey, to: orders.shippingAddress })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(eq(shipments.id, input.shipmentId));
  if (!row?.trackingCode || !row.labelKey || row.carrier !== SIMULATED_CARRIER) return null;
  const startedAt = input.now ?? new Date();
  const timeline = trackingTimeline(scriptFor(row.to), {
    trackingCode: row.trackingCode,
    carrier: row.carrier,
    startedAt,
    msPerHour,
    destination: { city: row.to.city, country: row.to.country },
  });
  let at = startedAt.getTime();
  return deliveryOrder(timeline).map((event) => {
    const due = Math.max(at, Date.parse(event.created_at));
    const waitMs = due - at;
    at = due;
    return { waitMs, payload: JSON.stringify(event) };
  });
}

/** Posts one planned event to the shop's own webhook route (NEXTAUTH_URL), signed with the carrier webhook secret; answers the HTTP status (0: no answer). */
export async function postSimulatedTracking(delivery: TrackingDelivery): Promise<number> {
  const url = new URL("/api/webhooks/shipping", env().NEXTAUTH_URL).toString();
  const [status] = await postTrackingEvents({ url, secret: carrierWebhookSecret() ?? "", events: [JSON.parse(delivery.payload)] });
  return status ?? 0;
}
