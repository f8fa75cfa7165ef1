import { createHash } from "node:crypto";
import type { TrackerStatus } from "./carrier";

export type TrackingScript = "normal" | "delayed" | "exception" | "return_to_sender";

/** One scan in EasyPost's shape (TrackingDetail). */
export interface EasyPostTrackingDetail {
  object: "TrackingDetail";
  status: TrackerStatus;
  status_detail: string;
  message: string;
  datetime: string;
  source: string;
  tracking_location: { object: "TrackingLocation"; city: string | null; country: string | null };
}

/** The webhook EasyPost posts when a tracker changes: an Event whose `result` is the whole Tracker as it now stands. */
export interface TrackerUpdatedEvent {
  id: string;
  object: "Event";
  mode: "test";
  description: "tracker.updated";
  status: "pending";
  created_at: string;
  updated_at: string;
  previous_attributes: { status: TrackerStatus };
  pending_urls: string[];
  completed_urls: string[];
  result: {
    id: string;
    object: "Tracker";
    mode: "test";
    tracking_code: string;
    carrier: string;
    status: TrackerStatus;
    status_detail: string;
    est_delivery_date: string | null;
    public_url: null;
    updated_at: string;
    tracking_details: EasyPostTrackingDetail[];
  };
}

type Step = [hours: number, status: TrackerStatus, detail: string, message: string, where: "origin" | "transit" | "destination"];

const ACCEPTED: Step[] = [
  [0, "pre_transit", "label_created", "Label created, awaiting the parcel", "origin"],
  [6, "in_transit", "received_at_origin_facility", "Received at the origin facility", "origin"],
  [20, "in_transit", "departed_facility", "Departed the origin facility", "transit"],
];

/** Each script's scans, in hours after the label was created. */
const SCRIPTS: Record<TrackingScript, Step[]> = {
  normal: [
    ...ACCEPTED,
    [44, "in_transit", "arrived_at_destination", "Arrived at the destination facility", "destination"],
    [64, "out_for_delivery", "out_for_delivery", "Out for delivery", "destination"],
    [70, "delivered", "delivered", "Delivered, left at the front door", "destination"],
  ],
  delayed: [
    ...ACCEPTED,
    [40, "in_transit", "weather_delay", "Delayed by weather; delivery moved by two days", "transit"],
    [92, "in_transit", "arrived_at_destination", "Arrived at the destination facility", "destination"],
    [112, "out_for_delivery", "out_for_delivery", "Out for delivery", "destination"],
    [118, "delivered", "delivered", "Delivered to the recipient", "destination"],
  ],
  exception: [
    ...ACCEPTED,
    [44, "in_transit", "arrived_at_destination", "Arrived at the destination facility", "destination"],
    [64, "out_for_delivery", "out_for_delivery", "Out for delivery", "destination"],
    [69, "failure", "delivery_exception", "Delivery attempted: the address could not be accessed", "destination"],
    [74, "available_for_pickup", "arrived_at_pickup_location", "Held for collection at the local pickup point", "destination"],
  ],
  return_to_sender: [
    ...ACCEPTED,
    [44, "in_transit", "arrived_at_destination", "Arrived at the destination facility", "destination"],
    [64, "out_for_delivery", "out_for_delivery", "Out for delivery", "destination"],
    [69, "failure", "delivery_exception", "Delivery attempted: recipient not known at the address", "destination"],
    [96, "return_to_sender", "return", "Returned to the sender", "origin"],
  ],
};

const digest = (value: string) => createHash("sha256").update(value).digest("hex").slice(0, 24);
const HOUR_MS = 3_600_000;

/**
 * The tracker.updated events a tracker goes through under `script`, oldest first: each carries the tracker with every
 * scan so far, as EasyPost sends it. Ids come from the tracking code, so the same timeline has the same event ids.
 * `msPerHour` compresses the script (the simulator playing it in seconds); its times stay in that compressed scale.
 */
export function trackingTimeline(
  script: TrackingScript,
  tracker: { trackingCode: string; carrier: string; startedAt: Date; msPerHour?: number; origin?: { city: string; country: string }; destination?: { city: string; country: string } },
): TrackerUpdatedEvent[] {
  const steps = SCRIPTS[script];
  const hoursAfter = (start: Date, hours: number) => new Date(start.getTime() + hours * (tracker.msPerHour ?? HOUR_MS)).toISOString();
  const lastHours = steps.at(-1)![0];
  const place = (where: Step[4]) => (where === "origin" ? tracker.origin : where === "destination" ? tracker.destination : undefined);
  const details: EasyPostTrackingDetail[] = steps.map(([hours, status, detail, message, where]) => ({
    object: "TrackingDetail",
    status,
    status_detail: detail,
    message,
    datetime: hoursAfter(tracker.startedAt, hours),
    source: tracker.carrier,
    tracking_location: { object: "TrackingLocation", city: place(where)?.city ?? null, country: place(where)?.country ?? null },
  }));
  return steps.map(([hours, status, detail], i) => {
    const at = hoursAfter(tracker.startedAt, hours);
    return {
      id: `evt_sim_${digest(`${tracker.trackingCode}\n${script}\n${i}`)}`,
      object: "Event",
      mode: "test",
      description: "tracker.updated",
      status: "pending",
      created_at: at,
      updated_at: at,
      previous_attributes: { status: i === 0 ? "unknown" : steps[i - 1]![1] },
      pending_urls: [],
      completed_urls: [],
      result: {
        id: `trk_sim_${digest(tracker.trackingCode)}`,
        object: "Tracker",
        mode: "test",
        tracking_code: tracker.trackingCode,
        carrier: tracker.carrier,
        status,
        status_detail: detail,
        est_delivery_date: status === "delivered" || status === "return_to_sender" ? null : hoursAfter(tracker.startedAt, lastHours),
        public_url: null,
        updated_at: at,
        tracking_details: details.slice(0, i + 1),
      },
    };
  });
}

/**
 * The order a real webhook sender may deliver a timeline in: the second and third events swapped (out of order),
 * the third sent twice and the last sent twice (retries), so the receiver has to drop duplicates by event id and never
 * move a status back.
 */
export function deliveryOrder<T>(events: T[]): T[] {
  if (events.length < 3) return [...events, ...events];
  const [first, second, third, ...rest] = events as [T, T, T, ...T[]];
  return [first, third, second, third, ...rest, rest.at(-1) ?? third];
}
