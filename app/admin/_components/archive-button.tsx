"use client";
import { useMutation } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { serverErrors } from "../_lib/form-errors";
import { rowButtonClass } from "./row-cell";

/** Archives the product after a confirmation dialog; the product leaves the store but stays editable here. */
export function ArchiveButton({ id, title, onArchived }: { id: number; title: string; onArchived: () => Promise<void> }) {
  const trpc = useTRPC();
  const archive = useMutation(trpc.adminProducts.archive.mutationOptions());
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState("");
  const headingId = useId();

  async function confirm() {
    setError("");
    try {
      await archive.mutateAsync({ id });
      dialog.current?.close();
      await onArchived();
    } catch (e) {
      setError(serverErrors(e).message);
    }
  }

  return (
    <>
      <button type="button" className={`${rowButtonClass} px-4 py-2`} onClick={() => dialog.current?.showModal()}>
        Archive
      </button>
      <dialog ref={dialog} aria-labelledby={headingId} className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-black/40">
        <h2 id={headingId} className="text-lg font-semibold">
          Archive “{title}”?
        </h2>
        <p className="mt-2 text-sm text-stone-600">Shoppers will no longer see it. You can make it active again later by changing its status.</p>
        {error && (
          <p role="alert" className="mt-3 text-sm text-red-700">
            {error}
          </p>
        )}
        <div className="mt-5 flex justify-end gap-2">
          <button type="button" className={`${rowButtonClass} px-4 py-2`} onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="button" className="rounded bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-50" disabled={archive.isPending} onClick={confirm}>
            Archive product
          </button>
        </div>
      </dialog>
    </>
  );
}
