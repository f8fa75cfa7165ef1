"use client";
import Image from "next/image";
import Link from "next/link";
import { useState } from "react";
import { formatMoney } from "@/app/_components/format-money";
import type { CartLine } from "@/server/cart/schemas";
import { MAX_LINE_QUANTITY } from "@/server/limits";

export interface PriceNote {
  from: number;
  to: number;
}

interface CartLineRowProps {
  line: CartLine;
  priceNote?: PriceNote;
  /** The server's word on the last change, e.g. why fewer units went in. */
  notice: string | null;
  onQuantity: (quantity: number) => void;
  onRemove: () => void;
}

const stepButton = "flex size-9 items-center justify-center text-lg text-stone-700 hover:bg-stone-100 disabled:opacity-40";

/** Why a typed quantity cannot be used (the field then goes back to the cart's quantity), or null when it can. */
export function quantityProblem(typed: string): string | null {
  const quantity = Number(typed);
  if (typed.trim() === "" || !Number.isInteger(quantity) || quantity < 1) return `Enter a whole number from 1 to ${MAX_LINE_QUANTITY}, or use Remove.`;
  if (quantity > MAX_LINE_QUANTITY) return `You can buy at most ${MAX_LINE_QUANTITY} of one item, so the quantity stays as it was.`;
  return null;
}

export function CartLineRow({ line, priceNote, notice, onQuantity, onRemove }: CartLineRowProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const name = line.variantTitle === "Default" ? line.productTitle : `${line.productTitle} (${line.variantTitle})`;

  function commit() {
    if (draft === null) return;
    const quantity = Number(draft);
    setDraft(null);
    setProblem(quantityProblem(draft));
    if (quantityProblem(draft) === null && quantity !== line.quantity) onQuantity(quantity);
  }

  return (
    <li className="flex gap-4 py-5">
      <div className="relative size-24 shrink-0 overflow-hidden rounded-md bg-stone-100">
        {line.imageUrl && <Image src={line.imageUrl} alt="" fill unoptimized sizes="96px" className="object-cover" />}
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <div className="flex justify-between gap-4">
          <div className="min-w-0">
            <h2 className="font-medium">
              <Link href={`/p/${line.productSlug}?variant=${line.variantId}`} className="hover:underline">
                {line.productTitle}
              </Link>
            </h2>
            {line.variantTitle !== "Default" && <p className="text-sm text-stone-600">{line.variantTitle}</p>}
            <p className="text-sm text-stone-600">{formatMoney(line.unitAmount, line.currency)} each</p>
          </div>
          <p className="shrink-0 font-semibold">{formatMoney(line.lineAmount, line.currency)}</p>
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <div className="flex items-center rounded-md border border-stone-300">
            <button type="button" aria-label={`One fewer ${name}`} disabled={line.quantity <= 1} onClick={() => onQuantity(line.quantity - 1)} className={stepButton}>
              −
            </button>
            <input
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_LINE_QUANTITY}
              aria-label={`Quantity of ${name}`}
              value={draft ?? line.quantity}
              onChange={(e) => setDraft(e.target.value)}
              onBlur={commit}
              onKeyDown={(e) => e.key === "Enter" && commit()}
              className="w-12 border-x border-stone-300 py-1.5 text-center text-sm [appearance:textfield] [&::-webkit-inner-spin-button]:appearance-none"
            />
            <button
              type="button"
              aria-label={`One more ${name}`}
              disabled={line.quantity >= Math.min(MAX_LINE_QUANTITY, Math.max(line.available, line.quantity))}
              onClick={() => onQuantity(line.quantity + 1)}
              className={stepButton}
            >
              +
            </button>
          </div>
          <button type="button" onClick={onRemove} aria-label={`Remove ${name}`} className="text-sm font-medium text-stone-600 underline underline-offset-2 hover:text-stone-900">
            Remove
          </button>
        </div>
        {priceNote && (
          <p className="text-sm text-amber-700">
            The price changed from {formatMoney(priceNote.from, line.currency)} to {formatMoney(priceNote.to, line.currency)} since you added this.
          </p>
        )}
        {line.shortBy > 0 && (
          <p className="text-sm font-medium text-red-700">
            {line.available === 0 ? "Out of stock: remove it to check out." : `Only ${line.available} available: lower the quantity by ${line.shortBy} to check out.`}
          </p>
        )}
        {problem && (
          <p role="status" className="text-sm font-medium text-red-700">
            {problem}
          </p>
        )}
        {notice && line.shortBy === 0 && (
          <p role="status" className="text-sm text-stone-700">
            {notice}
          </p>
        )}
      </div>
    </li>
  );
}
