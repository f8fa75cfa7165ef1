import type { ShipmentEventView } from "@/server/shipping/shipment-queries";
import type { ShipmentStatus } from "@/server/shipping/shipment-status";

export const SHIPMENT_STATUS_LABELS: Record<ShipmentStatus, string> = {
  pending: "Being packed",
  label_purchased: "Label created",
  in_transit: "In transit",
  out_for_delivery: "Out for delivery",
  exception: "Delivery problem",
  delivered: "Delivered",
  returned: "Returned to sender",
  cancelled: "Cancelled",
};

const STYLES: Partial<Record<ShipmentStatus, string>> = {
  pending: "bg-amber-100 text-amber-900",
  exception: "bg-red-100 text-red-800",
  delivered: "bg-brand-100 text-brand-800",
  returned: "bg-stone-200 text-stone-700",
  cancelled: "bg-stone-200 text-stone-700",
};

export function ShipmentStatusBadge({ status }: { status: ShipmentStatus }) {
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${STYLES[status] ?? "bg-sky-100 text-sky-900"}`}>
      <span className="sr-only">Parcel </span>
      {SHIPMENT_STATUS_LABELS[status]}
    </span>
  );
}

const timeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

/** A parcel's tracking events by the carrier's time, oldest first; a late scan that moved nothing is still listed. */
export function ShipmentTimeline({ events }: { events: ShipmentEventView[] }) {
  if (events.length === 0) return <p className="text-sm text-stone-600">No tracking events yet.</p>;
  return (
    <ol className="flex flex-col gap-2" aria-label="Tracking events">
      {events.map((event) => (
        <li key={event.id} className="flex flex-col border-l-2 border-stone-300 pl-3">
          <span className="text-sm font-medium">{event.status ? SHIPMENT_STATUS_LABELS[event.status] : event.carrierStatus.replaceAll("_", " ")}</span>
          {event.detail && <span className="text-sm text-stone-600">{event.detail}</span>}
          {/* In the reader's time zone, which the server rendering cannot know. */}
          <time dateTime={event.occurredAt.toISOString()} className="text-xs text-stone-500" suppressHydrationWarning>
            {timeFormat.format(event.occurredAt)}
          </time>
        </li>
      ))}
    </ol>
  );
}
