"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatMoney } from "@/app/_components/format-money";
import { useTRPC } from "@/app/_trpc/client";
import { rowButtonClass } from "../../_components/row-cell";
import { serverErrors } from "../../_lib/form-errors";
import { AdminTime } from "./admin-time";
import { Panel } from "./panel";

const lineKey = (l: { shipmentId: string; orderLineId: number }) => `${l.shipmentId}:${l.orderLineId}`;

/** The order's returns and their next step: approve (issues the return label) or reject with a reason, mark received, refund with a restock choice per line. */
/** `canRefund` false (staff): received returns show no refund button; the server refuses staff anyway. */
export function ReturnsPanel({ orderId, canRefund }: { orderId: string; canRefund: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data } = useQuery(trpc.adminReturns.forOrder.queryOptions({ orderId }));
  const approve = useMutation(trpc.adminReturns.approve.mutationOptions());
  const reject = useMutation(trpc.adminReturns.reject.mutationOptions());
  const receive = useMutation(trpc.adminReturns.receive.mutationOptions());
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [rejectReason, setRejectReason] = useState("");
  const refund = useMutation(trpc.adminReturns.refund.mutationOptions());
  const [restock, setRestock] = useState<Record<string, boolean>>({});
  const [error, setError] = useState("");
  if (!data || data.returns.length === 0) return null;

  async function run(step: () => Promise<unknown>) {
    setError("");
    try {
      await step();
    } catch (e) {
      setError(serverErrors(e).message);
    }
    await queryClient.invalidateQueries({ queryKey: trpc.adminReturns.forOrder.queryKey({ orderId }) });
    router.refresh();
  }

  return (
    <Panel title="Returns">
      {data.returns.map((r) => (
        <div key={r.id} className="flex flex-col gap-2 border-t border-stone-100 pt-2 text-sm first:border-0 first:pt-0">
          <p>
            <span className="font-medium capitalize">{r.status}</span> · asked <AdminTime at={r.requestedAt} /> · {formatMoney(r.refundAmount, r.currency)}
          </p>
          <p className="text-stone-600">Reason: {r.reason}</p>
          {r.rejectionReason && <p className="text-stone-600">Rejected: {r.rejectionReason}</p>}
          {r.trackingCode && (
            <p className="text-stone-600">
              Return label: {r.carrier} {r.service}, {r.trackingCode}
              {r.hasLabel && (
                <>
                  {" · "}
                  <a href={`/api/orders/${orderId}/returns/${r.id}/label`} target="_blank" rel="noopener" className="underline">
                    Print label
                  </a>
                </>
              )}
            </p>
          )}
          <ul className="flex flex-col gap-1">
            {r.lines.map((l) => (
              <li key={lineKey(l)} className="flex items-center gap-2">
                {r.status === "received" && (
                  <input
                    type="checkbox"
                    aria-label={`Restock ${l.sku}`}
                    checked={restock[`${r.id}:${lineKey(l)}`] ?? true}
                    onChange={(e) => setRestock({ ...restock, [`${r.id}:${lineKey(l)}`]: e.target.checked })}
                  />
                )}
                {l.quantity} × {l.productTitle} ({l.sku}){l.restock !== null && (l.restock ? " · restocked" : " · not restocked")}
              </li>
            ))}
          </ul>
          <div className="flex gap-2">
            {(r.status === "requested" || (r.status === "approved" && !r.trackingCode)) && (
              <button type="button" className={rowButtonClass} disabled={approve.isPending} onClick={() => run(() => approve.mutateAsync({ returnId: r.id }))}>
                {r.status === "requested" ? "Approve and issue label" : "Issue return label"}
              </button>
            )}
            {r.status === "requested" && rejecting !== r.id && (
              <button type="button" className={rowButtonClass} onClick={() => setRejecting(r.id)}>
                Reject
              </button>
            )}
            {r.status === "approved" && (
              <button type="button" className={rowButtonClass} disabled={receive.isPending} onClick={() => run(() => receive.mutateAsync({ returnId: r.id }))}>
                Mark received
              </button>
            )}
            {r.status === "received" && canRefund && (
              <button
                type="button"
                className={rowButtonClass}
                disabled={refund.isPending}
                onClick={() =>
                  run(() =>
                    refund.mutateAsync({
                      returnId: r.id,
                      restock: r.lines.map((l) => ({ shipmentId: l.shipmentId, orderLineId: l.orderLineId, restock: restock[`${r.id}:${lineKey(l)}`] ?? true })),
                    }),
                  )
                }
              >
                Refund {formatMoney(r.refundAmount, r.currency)}
              </button>
            )}
          </div>
          {r.status === "requested" && rejecting === r.id && (
            <form
              className="flex flex-wrap items-center gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                void run(() => reject.mutateAsync({ returnId: r.id, reason: rejectReason })).then(() => setRejecting(null));
              }}
            >
              <label className="flex grow items-center gap-2">
                Why (the shopper sees this)
                <input className="grow rounded border border-stone-300 px-2 py-1" maxLength={500} required value={rejectReason} onChange={(e) => setRejectReason(e.target.value)} />
              </label>
              <button type="submit" className={rowButtonClass} disabled={reject.isPending}>
                Reject return
              </button>
            </form>
          )}
        </div>
      ))}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </Panel>
  );
}
