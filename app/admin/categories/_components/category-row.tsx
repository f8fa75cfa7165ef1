"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { inputClass } from "../../_components/field";
import { rowButtonClass } from "../../_components/row-cell";
import { useRefreshingAction } from "../../_lib/use-refreshing-action";
import type { FlatCategory } from "./flatten-tree";

/** One category: rename it, move it under another parent (never its own subtree), or up and down among its siblings. */
export function CategoryRow({ row, parents }: { row: FlatCategory; parents: { id: number; label: string }[] }) {
  const trpc = useTRPC();
  const rename = useMutation(trpc.adminCategories.rename.mutationOptions());
  const move = useMutation(trpc.adminCategories.move.mutationOptions());
  const reorder = useMutation(trpc.adminCategories.reorder.mutationOptions());
  const [name, setName] = useState(row.name);
  const [parent, setParent] = useState(row.parentId === null ? "" : String(row.parentId));
  const { error, run } = useRefreshingAction();
  const busy = rename.isPending || move.isPending || reorder.isPending;
  const index = row.siblings.indexOf(row.id);

  function shift(by: -1 | 1) {
    const ids = [...row.siblings];
    [ids[index], ids[index + by]] = [ids[index + by]!, ids[index]!];
    return run(() => reorder.mutateAsync({ parentId: row.parentId, ids }));
  }

  return (
    <li className="flex flex-wrap items-center gap-2 px-3 py-2 text-sm" style={{ paddingLeft: `${0.75 + row.depth * 1.5}rem` }}>
      <input aria-label={`Name of ${row.name}`} className={`${inputClass} w-48`} value={name} onChange={(e) => setName(e.target.value)} />
      <button type="button" className={rowButtonClass} disabled={busy || name.trim() === row.name} onClick={() => run(() => rename.mutateAsync({ id: row.id, name }))}>
        Rename
      </button>
      <span className="font-mono text-xs text-stone-500">{row.slug}</span>
      <select aria-label={`Parent of ${row.name}`} className={`${inputClass} w-48`} value={parent} onChange={(e) => setParent(e.target.value)}>
        <option value="">None (top level)</option>
        {parents.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </select>
      <button type="button" className={rowButtonClass} disabled={busy || parent === String(row.parentId ?? "")} onClick={() => run(() => move.mutateAsync({ id: row.id, parentId: parent ? Number(parent) : null }))}>
        Move
      </button>
      <button type="button" className={rowButtonClass} aria-label={`Move ${row.name} up`} disabled={busy || index === 0} onClick={() => shift(-1)}>
        ↑
      </button>
      <button type="button" className={rowButtonClass} aria-label={`Move ${row.name} down`} disabled={busy || index === row.siblings.length - 1} onClick={() => shift(1)}>
        ↓
      </button>
      {error && (
        <p role="alert" className="w-full text-red-700">
          {error}
        </p>
      )}
    </li>
  );
}
