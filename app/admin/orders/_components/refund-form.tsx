"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { formatMoney } from "@/app/_components/format-money";
import { useTRPC } from "@/app/_trpc/client";
import { inputClass } from "../../_components/field";
import { rowButtonClass } from "../../_components/row-cell";
import { serverErrors } from "../../_lib/form-errors";
import { amountToText, parseAmount } from "../../_lib/money";

interface RefundFormProps {
  orderId: string;
  currency: string;
  totalAmount: number;
  refundedAmount: number;
}

/** Refunds all or part of what is left, typed in currency units ("12.50") and converted exactly to minor units. */
export function RefundForm({ orderId, currency, totalAmount, refundedAmount }: RefundFormProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const refund = useMutation(trpc.adminOrders.refund.mutationOptions());
  const left = totalAmount - refundedAmount;
  const [text, setText] = useState(() => amountToText(left, currency));
  const [reason, setReason] = useState("");
  const [amount, setAmount] = useState<number | null>(null);
  const [error, setError] = useState("");
  const [notice, setNotice] = useState("");
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = { amount: useId(), reason: useId(), error: useId(), heading: useId() };

  function review(event: FormEvent) {
    event.preventDefault();
    setNotice("");
    const parsed = parseAmount(text, currency);
    const message = !parsed.ok ? parsed.message : parsed.amount === 0 ? "Enter an amount above zero" : parsed.amount > left ? `At most ${formatMoney(left, currency)} is left to refund` : "";
    setError(message);
    if (message || !parsed.ok) return;
    setAmount(parsed.amount);
    dialog.current?.showModal();
  }

  async function confirm() {
    if (amount === null) return;
    try {
      const result = await refund.mutateAsync({ orderId, amount, expectedRefundedAmount: refundedAmount, reason: reason.trim() || undefined });
      setNotice(result.changed ? `Refunded ${formatMoney(amount, currency)}.` : "Nothing refunded: this order changed since the page loaded. Check its refunds.");
      if (result.changed) setText(amountToText(left - amount, currency));
      router.refresh();
    } catch (e) {
      const { fields, message } = serverErrors(e);
      setError(fields.amount ?? message);
    }
    dialog.current?.close();
  }

  return (
    <form onSubmit={review} className="flex flex-wrap items-end gap-3" aria-label="Refund">
      <div className="flex flex-col gap-1">
        <label htmlFor={ids.amount} className="text-sm font-medium">
          Amount ({currency})
        </label>
        <input
          id={ids.amount}
          className={`${inputClass} w-36`}
          inputMode="decimal"
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? ids.error : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setError("");
          }}
        />
      </div>
      <div className="flex min-w-48 flex-1 flex-col gap-1">
        <label htmlFor={ids.reason} className="text-sm font-medium">
          Reason <span className="font-normal text-stone-500">(optional)</span>
        </label>
        <input id={ids.reason} className={inputClass} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <button type="submit" className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
        Refund
      </button>
      <p className="w-full text-xs text-stone-500">{formatMoney(left, currency)} of {formatMoney(totalAmount, currency)} can still be refunded.</p>
      {error && (
        <p id={ids.error} role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
      {notice && (
        <p role="status" className="w-full text-sm text-brand-800">
          {notice}
        </p>
      )}
      <dialog ref={dialog} aria-labelledby={ids.heading} className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-black/40">
        <h2 id={ids.heading} className="text-lg font-semibold">
          Refund {amount === null ? "" : formatMoney(amount, currency)}?
        </h2>
        <p className="mt-2 text-sm text-stone-600">The money goes back to the customer&apos;s payment method. This cannot be undone.</p>
        <div className="mt-5 flex justify-end gap-2">
          <button type="button" className={`${rowButtonClass} px-4 py-2`} onClick={() => dialog.current?.close()}>
            Back
          </button>
          <button type="button" className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-50" disabled={refund.isPending} onClick={confirm}>
            Confirm refund
          </button>
        </div>
      </dialog>
    </form>
  );
}
