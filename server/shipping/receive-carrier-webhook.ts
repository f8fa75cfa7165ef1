import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { preparedPerHandle } from "@/db/prepared";
import { shipments } from "@/db/schema";
import type { ServiceContext } from "../context";
import { carrierWebhookSecret } from "../env";
import { withAnnouncement } from "../events/write-event";
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
 * or missing X-Hmac-Signature 401, with nothing written. Then, in one statement: the event id goes into the inbox (a
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

  const ignored = tracker ? await applyTrackerEvent(ctx, { id: event.data.id, type: event.data.description, json, tracker: tracker.data }) : await recordInInbox(ctx, event.data.id, event.data.description, json);
  if (ignored === "duplicate") return { status: 200, body: { received: true, duplicate: true } };
  return { status: 200, body: ignored ? { received: true, ignored } : { received: true } };
}

const inboxRow = (eventId: string, type: string, json: unknown) => sql`('carrier', ${eventId}, ${type}, ${JSON.stringify(json)}::jsonb)`;

/** An event that moves no shipment, kept in the inbox all the same (a redelivery is told it is a duplicate). */
async function recordInInbox(ctx: ServiceContext, eventId: string, type: string, json: unknown): Promise<string> {
  const [fresh] = await ctx.db.execute(sql`insert into webhook_inbox (source, event_id, type, payload) values ${inboxRow(eventId, type, json)} on conflict do nothing returning 1`);
  return fresh ? "not a tracker event" : "duplicate";
}

const shipmentByTracking = preparedPerHandle((db) =>
  db
    .select({ id: shipments.id, orderId: shipments.orderId, carrier: shipments.carrier, service: shipments.service, trackingCode: shipments.trackingCode, trackingUrl: shipments.trackingUrl })
    .from(shipments)
    .where(and(eq(shipments.carrier, sql.placeholder("carrier")), eq(shipments.trackingCode, sql.placeholder("trackingCode"))))
    .prepare("shipment_by_tracking"),
);

/**
 * One statement, atomic without a transaction of its own and one round trip: the inbox row (a redelivery stops there),
 * then under the shipment's row lock its timeline row, the forward-only move, and on a milestone reached its outbox
 * event. The shipment is found first by its tracking code (its carrier fields do not change once the label is bought).
 */
async function applyTrackerEvent(ctx: ServiceContext, input: { id: string; type: string; json: unknown; tracker: z.infer<typeof Tracker> }): Promise<string | null> {
  const t = input.tracker;
  const [shipment] = await shipmentByTracking(ctx.db).execute({ carrier: t.carrier, trackingCode: t.tracking_code });
  if (!shipment) return (await recordInInbox(ctx, input.id, input.type, input.json)) === "duplicate" ? "duplicate" : "unknown tracker";

  const latest = t.tracking_details.reduce<(typeof t.tracking_details)[number] | undefined>((a, d) => (!a || Date.parse(d.datetime) >= Date.parse(a.datetime) ? d : a), undefined);
  const occurredAt = iso(latest?.datetime ?? t.updated_at ?? new Date().toISOString());
  const status = statusFromTracker(t.status);
  const before = status ? statusesBefore(status) : [];
  const change = sql`
    fresh as (insert into webhook_inbox (source, event_id, type, payload) values ${inboxRow(input.id, input.type, input.json)} on conflict do nothing returning 1),
    locked as (select id, status from shipments where id = ${shipment.id} and exists (select 1 from fresh) for update),
    logged as (
      insert into shipment_events (shipment_id, status, carrier_status, detail, estimated_delivery_at, occurred_at)
      select id, ${status}, ${t.status}, ${latest?.message ?? null}, ${t.est_delivery_date ? iso(t.est_delivery_date) : null}::timestamptz, ${occurredAt}::timestamptz from locked
    ),
    moved as (
      update shipments s set status = ${status}, updated_at = now() from locked l
       where s.id = l.id and ${status}::shipment_status is not null and l.status::text = any(${`{${before.join(",")}}`}::text[])
      returning 1
    ),`;
  const select = sql`select (select count(*) from fresh)::int as fresh, (select count(*) from moved)::int as moved, (select min(status::text) from locked) as was`;
  const milestone = status ? MILESTONE_EVENTS[status] : undefined;
  const statement = milestone
    ? withAnnouncement(
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
        { key: `shipment-${shipment.id}-${status}`, when: sql`exists (select 1 from moved)`, change, select: sql`${select}, (select count(*) from woken)::int as woken` },
      )
    : sql`with ${change} done as (select 1) ${select}`;
  const [row] = await ctx.db.execute<{ fresh: number; moved: number; was: string | null }>(statement);
  if (!row!.fresh) return "duplicate";
  if (!status || row!.moved) return null;
  return `stays ${row!.was}`;
}
