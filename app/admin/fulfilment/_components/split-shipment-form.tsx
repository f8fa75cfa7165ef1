"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { ShipmentView } from "@/server/shipping/shipment-queries";
import { inputClass } from "../../_components/field";
import { rowButtonClass } from "../../_components/row-cell";
import { serverErrors } from "../../_lib/form-errors";

/** Partial fulfilment: how many of each line ship now, in a parcel of their own; the rest stays in this one for later. */
export function SplitShipmentForm({ shipmentId, lines }: { shipmentId: string; lines: ShipmentView["lines"] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [now, setNow] = useState<Record<number, string>>({});
  const [error, setError] = useState("");
  const split = useMutation(
    trpc.adminFulfilment.split.mutationOptions({
      onSuccess: () => (setNow({}), router.refresh()),
      onError: (e) => setError(Object.values(serverErrors(e).fields)[0] ?? serverErrors(e).message),
    }),
  );
  const chosen = lines.map((l) => ({ orderLineId: l.orderLineId, quantity: Number(now[l.orderLineId] || 0) })).filter((l) => l.quantity > 0);

  return (
    <details>
      <summary className="cursor-pointer text-sm underline">Ship part of this now…</summary>
      <form
        className="mt-2 flex flex-col gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          setError("");
          split.mutate({ shipmentId, lines: chosen });
        }}
      >
        {lines.map((l) => (
          <label key={l.orderLineId} className="flex items-center gap-2 text-sm">
            <input
              type="number"
              min={0}
              max={l.quantity}
              inputMode="numeric"
              className={`${inputClass} w-20`}
              value={now[l.orderLineId] ?? ""}
              placeholder="0"
              onChange={(e) => setNow({ ...now, [l.orderLineId]: e.target.value })}
              aria-label={`Ship now: ${l.sku}`}
            />
            of {l.quantity} × {l.sku} {l.productTitle}
          </label>
        ))}
        <button type="submit" className={`${rowButtonClass} self-start`} disabled={split.isPending || chosen.length === 0}>
          Ship these now
        </button>
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
      </form>
    </details>
  );
}
