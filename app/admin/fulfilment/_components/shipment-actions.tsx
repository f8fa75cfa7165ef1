"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { ShipmentStatus } from "@/server/shipping/shipment-status";
import { inputClass } from "../../_components/field";
import { rowButtonClass } from "../../_components/row-cell";
import { serverErrors, type FieldErrors } from "../../_lib/form-errors";

interface Props {
  shipmentId: string;
  status: ShipmentStatus;
  hasLabel: boolean;
  /** A label purchase is at the carrier right now. */
  buying?: boolean;
}

const documentHref = (shipmentId: string, document: "label" | "packing-slip") => `/api/admin/shipments/${shipmentId}/${document}`;

/** What an admin can do with one shipment: buy, print or void its label, print its packing slip, mark it shipped with another carrier. */
export function ShipmentActions({ shipmentId, status, hasLabel, buying = false }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState("");
  const [fields, setFields] = useState<FieldErrors>({});
  function fail(e: unknown) {
    const answer = serverErrors(e);
    setFields(answer.fields);
    setError(answer.message);
  }
  const done = { onSuccess: () => router.refresh(), onError: fail };
  const buy = useMutation(trpc.adminFulfilment.buyLabel.mutationOptions(done));
  const voidLabel = useMutation(trpc.adminFulfilment.voidLabel.mutationOptions(done));
  const markShipped = useMutation(trpc.adminFulfilment.markShipped.mutationOptions(done));
  const busy = buy.isPending || voidLabel.isPending || markShipped.isPending;
  const [carrier, setCarrier] = useState("");
  const [trackingCode, setTrackingCode] = useState("");
  const ids = { carrier: useId(), tracking: useId() };
  function reset() {
    setError("");
    setFields({});
  }

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {status === "pending" && (
          <button type="button" className={rowButtonClass} disabled={busy || buying} onClick={() => (reset(), buy.mutate({ shipmentId }))}>
            {buying || buy.isPending ? "Buying label…" : "Buy label"}
          </button>
        )}
        {hasLabel && (
          <a className={rowButtonClass} href={documentHref(shipmentId, "label")} target="_blank" rel="noopener">
            Print label
          </a>
        )}
        <a className={rowButtonClass} href={documentHref(shipmentId, "packing-slip")} target="_blank" rel="noopener">
          Packing slip
        </a>
        {status === "label_purchased" && hasLabel && (
          <button type="button" className={rowButtonClass} disabled={busy} onClick={() => (reset(), voidLabel.mutate({ shipmentId }))}>
            Void label
          </button>
        )}
      </div>
      {status === "pending" && (
        <details>
          <summary className="cursor-pointer text-sm underline">Shipped with another carrier…</summary>
          <form
            className="mt-2 flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              reset();
              markShipped.mutate({ shipmentId, carrier, trackingCode });
            }}
          >
            <div className="flex flex-col gap-1">
              <label htmlFor={ids.carrier} className="text-xs font-medium">
                Carrier
              </label>
              <input id={ids.carrier} className={inputClass} value={carrier} maxLength={100} onChange={(e) => setCarrier(e.target.value)} aria-invalid={Boolean(fields.carrier)} />
              {fields.carrier && <span className="text-xs text-red-700">{fields.carrier}</span>}
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={ids.tracking} className="text-xs font-medium">
                Tracking number
              </label>
              <input id={ids.tracking} className={inputClass} value={trackingCode} maxLength={64} onChange={(e) => setTrackingCode(e.target.value)} aria-invalid={Boolean(fields.trackingCode)} />
              {fields.trackingCode && <span className="text-xs text-red-700">{fields.trackingCode}</span>}
            </div>
            <button type="submit" className={rowButtonClass} disabled={busy}>
              Mark shipped
            </button>
          </form>
        </details>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
