"use client";
import { useMutation } from "@tanstack/react-query";
import { isTRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { formatMoney } from "@/app/_components/format-money";
import { useTRPC } from "@/app/_trpc/client";
import { FieldError, inputClass } from "../../_components/field";
import { rowButtonClass } from "../../_components/row-cell";
import { invalidProps, serverErrors, type FieldErrors } from "../../_lib/form-errors";
import { parseAmount } from "../../_lib/money";
import { RefundLineRows, type LineChoice, type RefundableLine } from "./refund-line-rows";

interface RefundPanelProps {
  orderId: string;
  currency: string;
  totalAmount: number;
  /** Refunded, and being refunded: what a new refund must leave room for. */
  refundedAmount: number;
  lines: RefundableLine[];
}

type Request = { lines: { orderLineId: number; quantity: number; restock: boolean }[] } | { amount: number };

/** Refund chosen lines (each with a restock choice) or an amount, with or without an email to the customer. */
export function RefundPanel({ orderId, currency, totalAmount, refundedAmount, lines }: RefundPanelProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const refund = useMutation(trpc.adminOrders.refund.mutationOptions());
  // The form's key: kept until the refund is settled, so a second click or a retry after a lost answer refunds once.
  const [refundId, setRefundId] = useState(() => crypto.randomUUID());
  const [choices, setChoices] = useState<Record<number, LineChoice>>({});
  const [amountText, setAmountText] = useState("");
  const [reason, setReason] = useState("");
  const [notify, setNotify] = useState(true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState("");
  const [notice, setNotice] = useState("");
  const [pending, setPending] = useState<{ request: Request; amount: number } | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = { heading: useId(), reason: useId() };
  const left = totalAmount - refundedAmount;
  const money = (amount: number) => formatMoney(amount, currency);

  function review(event: FormEvent) {
    event.preventDefault();
    setNotice("");
    const chosen = lines.map((line) => ({ line, quantity: Number(choices[line.id]?.quantity ?? "0"), restock: choices[line.id]?.restock ?? true })).filter((c) => c.quantity !== 0);
    const fields: FieldErrors = {};
    for (const c of chosen) {
      const refundable = c.line.quantity - c.line.refundedQuantity;
      if (!Number.isInteger(c.quantity) || c.quantity < 0 || c.quantity > refundable) fields[`lines.${c.line.id}`] = `Enter 0 to ${refundable}`;
    }
    let request: Request | null = null;
    let amount = 0;
    if (amountText.trim()) {
      const parsed = parseAmount(amountText, currency);
      if (!parsed.ok || parsed.amount === 0) fields.amount = parsed.ok ? "Enter an amount above zero" : parsed.message;
      else if (parsed.amount > left) fields.amount = `At most ${money(left)} is left to refund`;
      else if (chosen.length > 0) fields.amount = "Refund lines or an amount, not both";
      else [request, amount] = [{ amount: parsed.amount }, parsed.amount];
    } else if (chosen.length > 0) {
      amount = chosen.reduce((sum, c) => sum + c.line.unitAmount * c.quantity, 0);
      request = { lines: chosen.map((c) => ({ orderLineId: c.line.id, quantity: c.quantity, restock: c.restock })) };
    }
    setErrors(fields);
    setMessage(Object.keys(fields).length === 0 && !request ? "Choose units to refund, or enter an amount." : "");
    if (Object.keys(fields).length > 0 || !request) return;
    setPending({ request, amount });
    dialog.current?.showModal();
  }

  async function confirm() {
    if (!pending) return;
    try {
      const result = await refund.mutateAsync({ orderId, refundId, ...pending.request, reason: reason.trim() || undefined, notifyCustomer: notify });
      if (result.refund === "pending") setNotice("The payment provider is still working on this refund. Send it again later to finish it.");
      else if (result.refund === "failed") setMessage("The payment provider refused this refund.");
      else setNotice(`Refunded ${money(pending.amount)}${result.restocked > 0 ? `; ${result.restocked} back in stock` : ""}.`);
      if (result.refund !== "pending") {
        setRefundId(crypto.randomUUID());
        setChoices({});
        setAmountText("");
        setReason("");
      }
      router.refresh();
    } catch (e) {
      const { fields, message } = serverErrors(e);
      setErrors(fields);
      setMessage(message);
      // The server answered, so nothing was refunded under this key: the next try gets a new one. (A lost answer keeps it.)
      if (isTRPCClientError(e) && e.data) setRefundId(crypto.randomUUID());
    }
    dialog.current?.close();
  }

  return (
    <form onSubmit={review} className="flex flex-col gap-3" aria-label="Refund">
      <RefundLineRows lines={lines} currency={currency} choices={choices} errors={errors} onChange={(id, choice) => setChoices((all) => ({ ...all, [id]: choice }))} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={invalidProps("amount", errors).id} className="text-sm font-medium">
            Or an amount ({currency})
          </label>
          <input {...invalidProps("amount", errors)} className={`${inputClass} w-36`} inputMode="decimal" placeholder="0.00" value={amountText} onChange={(e) => setAmountText(e.target.value)} />
          <FieldError path="amount" errors={errors} />
        </div>
        <div className="flex min-w-48 flex-1 flex-col gap-1">
          <label htmlFor={ids.reason} className="text-sm font-medium">
            Reason <span className="font-normal text-stone-500">(optional)</span>
          </label>
          <input id={ids.reason} className={inputClass} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} /> Email the customer about this refund
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
          Refund
        </button>
        <p className="text-xs text-stone-500">
          {money(left)} of {money(totalAmount)} can still be refunded.
        </p>
      </div>
      {message && (
        <p role="alert" className="text-sm text-red-700">
          {message}
        </p>
      )}
      {notice && (
        <p role="status" className="text-sm text-brand-800">
          {notice}
        </p>
      )}
      <dialog ref={dialog} aria-labelledby={ids.heading} className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-black/40">
        <h2 id={ids.heading} className="text-lg font-semibold">
          Refund {pending ? money(pending.amount) : ""}?
        </h2>
        <p className="mt-2 text-sm text-stone-600">
          The money goes back to the customer&apos;s payment method{notify ? " and they get an email" : ""}. This cannot be undone.
        </p>
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
