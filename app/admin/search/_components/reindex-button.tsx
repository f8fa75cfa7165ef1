"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { serverErrors } from "../../_lib/form-errors";

/** Sends the reindex request; the rebuild runs in the background and shows under "Last reindex" when done. */
export function ReindexButton({ disabled }: { disabled: boolean }) {
  const trpc = useTRPC();
  const reindex = useMutation(trpc.adminSearch.reindex.mutationOptions());
  const [message, setMessage] = useState("");

  async function request() {
    try {
      await reindex.mutateAsync();
      setMessage("Reindex requested. The new index is swapped in when it is complete; searches keep working meanwhile.");
    } catch (e) {
      setMessage(serverErrors(e).message);
    }
  }

  return (
    <div className="flex flex-col items-start gap-2">
      <button
        type="button"
        className="rounded bg-stone-900 px-4 py-2 text-sm font-medium text-white hover:bg-stone-700 disabled:opacity-50"
        disabled={disabled || reindex.isPending}
        onClick={request}
      >
        Reindex
      </button>
      <p role="status" className="text-sm text-stone-600">
        {message}
      </p>
    </div>
  );
}
