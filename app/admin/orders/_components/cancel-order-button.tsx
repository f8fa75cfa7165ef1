"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { formatMoney } from "@/app/_components/format-money";
import { useTRPC } from "@/app/_trpc/client";
import { inputClass } from "../../_components/field";
import { rowButtonClass } from "../../_components/row-cell";
import { serverErrors } from "../../_lib/form-errors";

/** What cancelling a paid order will do, for the confirmation to say. */
export interface PaidCancellation {
  refundAmount: number;
  currency: string;
  /** Units the order holds that go back on sale. */
  units: number;
  /** Bought labels that are voided (postage refunded). */
  labels: number;
}

/**
 * Cancels an order after a confirmation. Unpaid: its payment can no longer be taken and its reserved stock goes back on
 * sale. Paid and not shipped (`paid`): what is left is refunded, the stock goes back, bought labels are voided, and the
 * admin chooses whether the customer is emailed.
 */
export function CancelOrderButton({ orderId, number, paid }: { orderId: string; number: number; paid?: PaidCancellation }) {
  const trpc = useTRPC();
  const router = useRouter();
  const cancel = useMutation(trpc.adminOrders.cancel.mutationOptions());
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState("");
  const [notify, setNotify] = useState(true);
  const [error, setError] = useState("");
  const [notice, setNotice] = useState("");
  const headingId = useId();
  const reasonId = useId();
  const notifyId = useId();

  async function confirm() {
    setError("");
    try {
      const result = await cancel.mutateAsync({ orderId, reason: reason.trim() || undefined, ...(paid && { notifyCustomer: notify }) });
      if (result.refund === "pending") setNotice("Cancelled. The refund is waiting for the payment provider and completes on its own.");
      dialog.current?.close();
      router.refresh();
    } catch (e) {
      const { fields, message } = serverErrors(e);
      setError(fields.reason ?? message);
      dialog.current?.close();
    }
  }

  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className="rounded bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800" onClick={() => dialog.current?.showModal()}>
          {paid ? "Cancel and refund" : "Cancel order"}
        </button>
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
        {notice && (
          <p role="status" className="text-sm text-stone-700">
            {notice}
          </p>
        )}
      </div>
      <dialog ref={dialog} aria-labelledby={headingId} className="m-auto w-full max-w-md rounded-lg p-6 shadow-xl backdrop:bg-black/40">
        <h2 id={headingId} className="text-lg font-semibold">
          Cancel order #{number}?
        </h2>
        {paid ? (
          <ul className="mt-2 list-disc pl-5 text-sm text-stone-600">
            <li>{formatMoney(paid.refundAmount, paid.currency)} is refunded to the customer&apos;s payment method.</li>
            {paid.units > 0 && <li>{paid.units === 1 ? "1 unit goes" : `${paid.units} units go`} back on sale, in the warehouses they were taken from.</li>}
            {paid.labels > 0 && <li>{paid.labels === 1 ? "The shipping label is voided" : `${paid.labels} shipping labels are voided`} and the postage refunded.</li>}
            <li>This cannot be undone.</li>
          </ul>
        ) : (
          <p className="mt-2 text-sm text-stone-600">The customer can no longer pay for it, and its reserved stock goes back on sale. This cannot be undone.</p>
        )}
        <div className="mt-4 flex flex-col gap-1">
          <label htmlFor={reasonId} className="text-sm font-medium">
            Reason <span className="font-normal text-stone-500">(shown to the customer)</span>
          </label>
          <input id={reasonId} className={inputClass} maxLength={200} value={reason} placeholder="Cancelled by the shop" onChange={(e) => setReason(e.target.value)} />
        </div>
        {paid && (
          <div className="mt-3 flex items-center gap-2 text-sm">
            <input id={notifyId} type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} />
            <label htmlFor={notifyId}>Email the customer about the cancellation and the refund</label>
          </div>
        )}
        <div className="mt-5 flex justify-end gap-2">
          <button type="button" className={`${rowButtonClass} px-4 py-2`} onClick={() => dialog.current?.close()}>
            Keep order
          </button>
          <button type="button" className="rounded bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-50" disabled={cancel.isPending} onClick={confirm}>
            {paid ? "Yes, cancel and refund" : "Yes, cancel order"}
          </button>
        </div>
      </dialog>
    </>
  );
}
