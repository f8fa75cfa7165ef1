import { ShipmentStatusBadge, ShipmentTimeline } from "@/app/_components/shipment-timeline";
import type { ShipmentView } from "@/server/shipping/shipment-queries";
import { Panel } from "../../orders/_components/panel";
import { ShipmentActions } from "./shipment-actions";
import { SplitShipmentForm } from "./split-shipment-form";

/** The admin order page's shipments: each parcel's contents, label, actions and carrier timeline, voided ones included. */
export function ShipmentsPanel({ shipments }: { shipments: ShipmentView[] }) {
  return (
    <Panel title="Shipments">
      {shipments.length === 0 && <p className="text-sm text-stone-600">Nothing to ship (yet).</p>}
      <ol className="flex flex-col gap-4">
        {shipments.map((s) => (
          <li key={s.id} className="flex flex-col gap-2 border-b border-stone-100 pb-4 last:border-0 last:pb-0">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-mono text-xs">{s.id.slice(0, 8).toUpperCase()}</span>
              <ShipmentStatusBadge status={s.status} />
              <span className="text-xs text-stone-500">
                from {s.warehouse}, {s.weightGrams} g{s.parentId && `, made from ${s.parentId.slice(0, 8).toUpperCase()}`}
              </span>
            </div>
            <p className="text-sm">{s.lines.map((l) => `${l.quantity} × ${l.sku}`).join(", ")}</p>
            {s.trackingCode && (
              <p className="text-sm">
                {s.carrier} {s.service} · <span className="font-mono">{s.trackingCode}</span>
              </p>
            )}
            {s.status !== "cancelled" && <ShipmentActions shipmentId={s.id} status={s.status} hasLabel={s.hasLabel} />}
            {s.status === "pending" && s.lines.reduce((n, l) => n + l.quantity, 0) > 1 && <SplitShipmentForm shipmentId={s.id} lines={s.lines} />}
            <ShipmentTimeline events={s.events} />
          </li>
        ))}
      </ol>
    </Panel>
  );
}
