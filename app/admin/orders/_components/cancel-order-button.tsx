"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { inputClass } from "../../_components/field";
import { rowButtonClass } from "../../_components/row-cell";
import { serverErrors } from "../../_lib/form-errors";

/** Cancels an unpaid order after a confirmation: its payment can no longer be taken and its stock goes back on sale. */
export function CancelOrderButton({ orderId, number }: { orderId: string; number: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const cancel = useMutation(trpc.adminOrders.cancel.mutationOptions());
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState("");
  const [error, setError] = useState("");
  const headingId = useId();
  const reasonId = useId();

  async function confirm() {
    setError("");
    try {
      await cancel.mutateAsync({ orderId, reason: reason.trim() || undefined });
      dialog.current?.close();
      router.refresh();
    } catch (e) {
      const { fields, message } = serverErrors(e);
      setError(fields.reason ?? message);
    }
  }

  return (
    <>
      <button type="button" className="self-start rounded bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800" onClick={() => dialog.current?.showModal()}>
        Cancel order
      </button>
      <dialog ref={dialog} aria-labelledby={headingId} className="m-auto w-full max-w-md rounded-lg p-6 shadow-xl backdrop:bg-black/40">
        <h2 id={headingId} className="text-lg font-semibold">
          Cancel order #{number}?
        </h2>
        <p className="mt-2 text-sm text-stone-600">The customer can no longer pay for it, and its reserved stock goes back on sale. This cannot be undone.</p>
        <div className="mt-4 flex flex-col gap-1">
          <label htmlFor={reasonId} className="text-sm font-medium">
            Reason <span className="font-normal text-stone-500">(shown to the customer)</span>
          </label>
          <input id={reasonId} className={inputClass} maxLength={200} value={reason} placeholder="Cancelled by the shop" onChange={(e) => setReason(e.target.value)} />
        </div>
        {error && (
          <p role="alert" className="mt-3 text-sm text-red-700">
            {error}
          </p>
        )}
        <div className="mt-5 flex justify-end gap-2">
          <button type="button" className={`${rowButtonClass} px-4 py-2`} onClick={() => dialog.current?.close()}>
            Keep order
          </button>
          <button type="button" className="rounded bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-50" disabled={cancel.isPending} onClick={confirm}>
            Yes, cancel order
          </button>
        </div>
      </dialog>
    </>
  );
}
