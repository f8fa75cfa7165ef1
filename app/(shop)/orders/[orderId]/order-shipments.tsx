import { ShipmentStatusBadge, ShipmentTimeline } from "@/app/_components/shipment-timeline";
import type { ShopperOrderView } from "@/server/orders/schemas";

const dayFormat = new Intl.DateTimeFormat("en-US", { weekday: "long", month: "long", day: "numeric" });

/** Each parcel of the order: what is in it, its carrier and tracking number, when it is expected, and its tracking timeline. */
export function OrderShipments({ shipments }: { shipments: ShopperOrderView["shipments"] }) {
  return (
    <ol className="flex flex-col gap-4">
      {shipments.map((s, i) => (
        <li key={s.id} className="flex flex-col gap-2 rounded-lg border border-stone-200 p-4" aria-label={`Parcel ${i + 1} of ${shipments.length}`}>
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="font-medium">
              Parcel {i + 1} of {shipments.length}
            </h3>
            <ShipmentStatusBadge status={s.status} />
          </div>
          <p className="text-sm text-stone-600">{s.lines.map((l) => `${l.quantity} × ${l.productTitle}${l.variantTitle && l.variantTitle !== "Default" ? ` (${l.variantTitle})` : ""}`).join(", ")}</p>
          {s.carrier && s.trackingCode ? (
            <p className="text-sm">
              {s.carrier}
              {s.service && ` ${s.service}`}, tracking number{" "}
              {s.trackingUrl ? (
                <a href={s.trackingUrl} className="font-mono underline">
                  {s.trackingCode}
                </a>
              ) : (
                <span className="font-mono">{s.trackingCode}</span>
              )}
            </p>
          ) : (
            <p className="text-sm text-stone-600">We are packing this parcel.</p>
          )}
          {s.estimatedDeliveryAt && s.status !== "delivered" && s.status !== "returned" && (
            <p className="text-sm">
              Expected{" "}
              <time dateTime={s.estimatedDeliveryAt.toISOString()} suppressHydrationWarning>
                {dayFormat.format(s.estimatedDeliveryAt)}
              </time>
            </p>
          )}
          <ShipmentTimeline events={s.events} />
        </li>
      ))}
    </ol>
  );
}
