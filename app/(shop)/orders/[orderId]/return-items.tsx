"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { formatMoney } from "@/app/_components/format-money";
import { serverErrors } from "@/app/admin/_lib/form-errors";
import { useTRPC } from "@/app/_trpc/client";
import type { OrderReturnsInput } from "@/server/returns/schemas";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "long" });
const STATUS_TEXT = {
  requested: "Requested: we will review it shortly",
  approved: "Approved: send the items back with the return label",
  received: "Received: your refund is on its way",
  refunded: "Refunded",
  rejected: "Not accepted",
} as const;

/** The return label PDF; a guest's link carries the order's token. */
function labelHref(input: OrderReturnsInput, returnId: string): string {
  const path = `/api/orders/${input.orderId}/returns/${returnId}/label`;
  return input.accessToken ? `${path}?token=${encodeURIComponent(input.accessToken)}` : path;
}

/** The order's returns, and for delivered items still in their 30 days a "Return items" form: quantities and a reason. */
export function ReturnItems({ input }: { input: OrderReturnsInput }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useQuery(trpc.returns.forOrder.queryOptions(input));
  const request = useMutation(trpc.returns.request.mutationOptions());
  const [returnId, setReturnId] = useState(() => crypto.randomUUID());
  const [quantities, setQuantities] = useState<Record<number, number>>({});
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ fields: Record<string, string>; message: string } | null>(null);
  const [notice, setNotice] = useState("");
  const ids = { heading: useId(), reason: useId() };
  if (!data || (data.returnable.length === 0 && data.returns.length === 0)) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNotice("");
    const lines = Object.entries(quantities)
      .filter(([, quantity]) => quantity > 0)
      .map(([orderLineId, quantity]) => ({ orderLineId: Number(orderLineId), quantity }));
    try {
      await request.mutateAsync({ ...input, returnId, reason, lines });
      setErrors(null);
      setNotice("Return requested. We will review it shortly.");
      setQuantities({});
      setReason("");
      setReturnId(crypto.randomUUID());
      await queryClient.invalidateQueries({ queryKey: trpc.returns.forOrder.queryKey(input) });
    } catch (error) {
      setErrors(serverErrors(error));
    }
  }

  return (
    <section aria-labelledby={ids.heading} className="mx-auto flex w-full max-w-5xl flex-col gap-4 px-4 pb-8 sm:px-6">
      <h2 id={ids.heading} className="text-lg font-semibold">
        Returns
      </h2>
      {data.returns.map((r) => (
        <div key={r.id} className="rounded-md border border-stone-200 p-3 text-sm">
          <p className="font-medium">{STATUS_TEXT[r.status]}</p>
          <ul className="text-stone-700">
            {r.lines.map((l) => (
              <li key={`${l.shipmentId}:${l.orderLineId}`}>
                {l.quantity} × {l.productTitle} ({l.variantTitle})
              </li>
            ))}
          </ul>
          {r.status === "rejected" ? (
            r.rejectionReason && <p className="text-stone-700">Why: {r.rejectionReason}</p>
          ) : (
            <p className="text-stone-600">Refund: {formatMoney(r.refundAmount, r.currency)}</p>
          )}
          {r.trackingCode && (
            <p className="text-stone-600">
              Return label: {r.carrier} {r.service}, tracking {r.trackingCode}
              {r.hasLabel && (
                <>
                  {" · "}
                  <a href={labelHref(input, r.id)} className="underline" target="_blank" rel="noopener">
                    Print return label
                  </a>
                </>
              )}
            </p>
          )}
        </div>
      ))}
      {data.returnable.length > 0 && (
        <form onSubmit={submit} aria-label="Return items" className="flex flex-col gap-3 rounded-md border border-stone-200 p-4">
          <h3 className="font-medium">Return items</h3>
          {data.returnable.map((line, index) => {
            const error = errors?.fields[`lines.${index}.quantity`];
            return (
              <label key={line.orderLineId} className="flex flex-wrap items-center gap-3 text-sm">
                <select
                  className="rounded border border-stone-300 px-2 py-1"
                  value={quantities[line.orderLineId] ?? 0}
                  onChange={(e) => setQuantities({ ...quantities, [line.orderLineId]: Number(e.target.value) })}
                  aria-invalid={error ? true : undefined}
                >
                  {Array.from({ length: line.quantity + 1 }, (_, n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
                <span>
                  {line.productTitle} ({line.variantTitle}) · {formatMoney(line.unitAmount, data.currency)} each · return by{" "}
                  {dateFormat.format(line.returnBy)}
                </span>
                {error && <span className="text-red-700">{error}</span>}
              </label>
            );
          })}
          <label htmlFor={ids.reason} className="text-sm font-medium">
            Why are you returning them?
          </label>
          <textarea id={ids.reason} className="rounded border border-stone-300 p-2 text-sm" maxLength={500} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          {errors && (
            <p role="alert" className="text-sm text-red-700">
              {errors.fields.reason ?? errors.fields.lines ?? errors.message}
            </p>
          )}
          <button type="submit" disabled={request.isPending} className="self-start rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-50">
            Request return
          </button>
        </form>
      )}
      {notice && (
        <p role="status" className="text-sm text-brand-800">
          {notice}
        </p>
      )}
    </section>
  );
}
