"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { formatMoney } from "@/app/_components/format-money";
import { useTRPC } from "@/app/_trpc/client";
import { ProductStatus } from "@/server/catalog/admin-schemas";
import type { AdminProductPage } from "@/server/catalog/list-admin-products";
import { inputClass } from "../../_components/field";
import { rowButtonClass } from "../../_components/row-cell";
import { STATUS_LABELS, StatusBadge } from "../../_components/status-badge";
import { serverErrors } from "../../_lib/form-errors";

const updatedFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

/** The product rows with a checkbox each, and the bulk actions for the ticked ones (set status, archive). */
export function ProductTable({ items, headings }: { items: AdminProductPage["items"]; headings: ReactNode }) {
  const trpc = useTRPC();
  const router = useRouter();
  const setStatus = useMutation(trpc.adminProducts.setStatus.mutationOptions());
  const [selected, setSelected] = useState<number[]>([]);
  const [status, setStatusChoice] = useState<ProductStatus>("active");
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const visible = selected.filter((id) => items.some((p) => p.id === id));
  const all = items.length > 0 && visible.length === items.length;

  async function apply(next: ProductStatus) {
    setMessage("");
    setError("");
    try {
      const result = await setStatus.mutateAsync({ ids: visible, status: next });
      setMessage(`${visible.length} ${visible.length === 1 ? "product" : "products"} set to ${STATUS_LABELS[next].toLowerCase()} (${result.changed.length} changed).`);
      setSelected([]);
      router.refresh();
    } catch (e) {
      setError(serverErrors(e).message);
    }
  }

  const toggle = (id: number) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2 text-sm" role="group" aria-label="Bulk actions">
        <span>{visible.length} selected</span>
        <label htmlFor="bulk-status" className="sr-only">
          New status
        </label>
        <select id="bulk-status" className={inputClass} value={status} onChange={(e) => setStatusChoice(e.target.value as ProductStatus)}>
          {ProductStatus.options.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <button type="button" className={`${rowButtonClass} px-3 py-1.5`} disabled={!visible.length || setStatus.isPending} onClick={() => apply(status)}>
          Set status
        </button>
        <button type="button" className={`${rowButtonClass} px-3 py-1.5`} disabled={!visible.length || setStatus.isPending} onClick={() => apply("archived")}>
          Archive
        </button>
        <p role="status" className="text-brand-800">
          {message}
        </p>
        {error && (
          <p role="alert" className="text-red-700">
            {error}
          </p>
        )}
      </div>
      <div className="relative overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-stone-300 text-xs uppercase tracking-wide text-stone-500">
            <tr>
              <th scope="col" className="px-2 py-2">
                <input type="checkbox" aria-label="Select all on this page" checked={all} onChange={() => setSelected(all ? [] : items.map((p) => p.id))} />
              </th>
              <th scope="col" className="px-2 py-2">
                <span className="sr-only">Image</span>
              </th>
              {headings}
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id} className="border-b border-stone-100 hover:bg-stone-50">
                <td className="px-2 py-2">
                  <input type="checkbox" aria-label={`Select ${p.title}`} checked={visible.includes(p.id)} onChange={() => toggle(p.id)} />
                </td>
                <td className="px-2 py-2">
                  {p.imageUrl ? (
                    // eslint-disable-next-line @next/next/no-img-element -- a 40 px thumbnail from our storage or an external URL, not worth the optimiser
                    <img src={p.imageUrl} alt={p.imageAlt} width={40} height={40} loading="lazy" className="h-10 w-10 rounded object-cover" />
                  ) : (
                    <div className="h-10 w-10 rounded bg-stone-100" />
                  )}
                </td>
                <td className="px-2 py-2">
                  <Link href={`/admin/products/${p.id}`} className="font-medium underline-offset-2 hover:underline">
                    {p.title}
                  </Link>
                  <div className="font-mono text-xs text-stone-500">{p.slug}</div>
                </td>
                <td className="px-2 py-2">
                  <StatusBadge status={p.status} />
                </td>
                <td className="px-2 py-2 tabular-nums">{p.priceMin === null ? "—" : formatMoney(p.priceMin, p.currency)}</td>
                <td className={`px-2 py-2 tabular-nums ${p.available > 0 ? "" : "text-red-700"}`}>{p.available}</td>
                <td className="px-2 py-2 tabular-nums">{p.variantCount}</td>
                <td className="px-2 py-2">
                  <time dateTime={new Date(p.updatedAt).toISOString()}>{updatedFormat.format(new Date(p.updatedAt))}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
