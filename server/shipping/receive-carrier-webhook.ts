import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { shipmentEvents, shipments, webhookInbox } from "@/db/schema";
import { withTransaction, type ServiceContext } from "../context";
import { carrierWebhookSecret } from "../env";
import { writeEvent } from "../events/write-event";
import { MILESTONE_EVENTS, statusesBefore, statusFromTracker } from "./shipment-status";
import { verifyCarrierWebhook } from "./verify-carrier-webhook";

/** A tracker.updated event carries the tracker with all its scans, a few kilobytes even for a long journey; larger bodies are refused unread. */
export const CARRIER_WEBHOOK_MAX_BYTES = 256 * 1024;

const CarrierEvent = z.object({ id: z.string().min(1).max(200), description: z.string().max(200) });
const Tracker = z.object({
  tracking_code: z.string().min(1).max(100),
  carrier: z.string().min(1).max(100),
  // Kept as text: a status EasyPost adds later is recorded on the timeline and moves nothing.
  status: z.string().min(1).max(100),
  est_delivery_date: z.iso.datetime({ offset: true }).nullish(),
  updated_at: z.iso.datetime({ offset: true }).nullish(),
  tracking_details: z.array(z.object({ message: z.string().max(1000).nullish(), datetime: z.iso.datetime({ offset: true }) })).max(500).default([]),
});

export interface CarrierWebhookAnswer {
  status: 200 | 400 | 401 | 413;
  body: { received: boolean; duplicate?: true; ignored?: string; error?: string };
}

const iso = (at: string) => new Date(at).toISOString();

/**
 * The carrier's tracking webhook (EasyPost's tracker.updated, or the simulator's): a body over the cap is 413 and a bad
 * or missing X-Hmac-Signature 401, with nothing written. Then, in one transaction: the event id goes into the inbox (a
 * redelivery stops there); the shipment with that tracking code gets a timeline row at the carrier's time of the
 * latest scan, always; its status moves only forward (statusesBefore), so a late scan is kept but changes nothing; and
 * a move to a milestone writes its outbox event, keyed once per shipment and milestone. An unknown tracker is 200 and ignored.
 */
export async function receiveCarrierWebhook(ctx: ServiceContext, input: { payload: string; signature: string | null }): Promise<CarrierWebhookAnswer> {
  if (Buffer.byteLength(input.payload) > CARRIER_WEBHOOK_MAX_BYTES) return { status: 413, body: { received: false, error: "payload too large" } };
  if (!verifyCarrierWebhook(input.payload, input.signature, carrierWebhookSecret())) return { status: 401, body: { received: false, error: "bad signature" } };
  let json: unknown;
  try {
    json = JSON.parse(input.payload);
  } catch {
    return { status: 400, body: { received: false, error: "not JSON" } };
  }
  const event = CarrierEvent.safeParse(json);
  if (!event.success) return { status: 400, body: { received: false, error: "not a carrier event" } };
  const isTrackerEvent = event.data.description === "tracker.updated" || event.data.description === "tracker.created";
  const tracker = isTrackerEvent ? Tracker.safeParse((json as { result?: unknown }).result) : null;
  if (tracker && !tracker.success) return { status: 400, body: { received: false, error: `${event.data.description} without a tracker` } };

  const ignored = await withTransaction(ctx, async (tx): Promise<string | null> => {
    const [fresh] = await tx.db
      .insert(webhookInbox)
      .values({ source: "carrier", eventId: event.data.id, type: event.data.description, payload: json })
      .onConflictDoNothing()
      .returning({ eventId: webhookInbox.eventId });
    if (!fresh) return "duplicate";
    if (!tracker) return "not a tracker event";
    const t = tracker.data;
    const [shipment] = await tx.db
      .select()
      .from(shipments)
      .where(and(eq(shipments.carrier, t.carrier), eq(shipments.trackingCode, t.tracking_code)))
      .for("update");
    if (!shipment) return "unknown tracker";

    const latest = t.tracking_details.reduce<(typeof t.tracking_details)[number] | undefined>((a, d) => (!a || Date.parse(d.datetime) >= Date.parse(a.datetime) ? d : a), undefined);
    const occurredAt = iso(latest?.datetime ?? t.updated_at ?? new Date().toISOString());
    const status = statusFromTracker(t.status);
    await tx.db.insert(shipmentEvents).values({
      shipmentId: shipment.id,
      status,
      carrierStatus: t.status,
      detail: latest?.message ?? null,
      estimatedDeliveryAt: t.est_delivery_date ? new Date(t.est_delivery_date) : null,
      occurredAt: new Date(occurredAt),
    });
    if (!status) return null;

    const [moved] = await tx.db
      .update(shipments)
      .set({ status, updatedAt: sql`now()` })
      .where(and(eq(shipments.id, shipment.id), inArray(shipments.status, statusesBefore(status))))
      .returning({ id: shipments.id });
    const milestone = MILESTONE_EVENTS[status];
    if (!moved || !milestone) return moved ? null : `stays ${shipment.status}`;
    await writeEvent(
      tx,
      {
        name: milestone,
        data: {
          orderId: shipment.orderId,
          shipmentId: shipment.id,
          carrier: shipment.carrier!,
          ...(shipment.service && { service: shipment.service }),
          trackingCode: shipment.trackingCode!,
          trackingUrl: shipment.trackingUrl!,
          occurredAt,
          ...(t.est_delivery_date && { estimatedDeliveryDate: iso(t.est_delivery_date) }),
          ...(status === "exception" && latest?.message && { detail: latest.message }),
        },
      },
      { key: `shipment-${shipment.id}-${status}` },
    );
    return null;
  });

  if (ignored === "duplicate") return { status: 200, body: { received: true, duplicate: true } };
  return { status: 200, body: ignored ? { received: true, ignored } : { received: true } };
}
