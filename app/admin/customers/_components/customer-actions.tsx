"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { CustomerNoteView } from "@/server/customers/customer-notes";
import { Notes } from "../../_components/notes";
import { rowButtonClass } from "../../_components/row-cell";
import { serverErrors } from "../../_lib/form-errors";

export function CustomerNotes({ userId, notes }: { userId: string; notes: CustomerNoteView[] }) {
  const trpc = useTRPC();
  const add = useMutation(trpc.adminCustomers.addNote.mutationOptions());
  return <Notes notes={notes} pending={add.isPending} add={(body) => add.mutateAsync({ userId, body })} />;
}

/** "Send a password reset" and "Anonymise" (after a second, explicit confirmation: it cannot be undone). */
/** `canAnonymise` false (staff): no Anonymise button; the server refuses staff anyway. */
export function CustomerActions({ userId, email, canAnonymise }: { userId: string; email: string; canAnonymise: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const reset = useMutation(trpc.adminCustomers.sendPasswordReset.mutationOptions());
  const anonymise = useMutation(trpc.adminCustomers.anonymise.mutationOptions());
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function run(work: () => Promise<unknown>, done: string) {
    setMessage(null);
    try {
      await work();
      setMessage({ text: done, error: false });
      router.refresh();
    } catch (e) {
      setMessage({ text: serverErrors(e).message, error: true });
    }
  }

  return (
    <div className="flex flex-col gap-2 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={rowButtonClass} disabled={reset.isPending} onClick={() => run(() => reset.mutateAsync({ userId }), `Reset link sent to ${email}.`)}>
          Send a password reset
        </button>
        {!canAnonymise ? null : confirming ? (
          <>
            <span>Erase this customer&apos;s personal data for good? Orders keep their totals.</span>
            <button
              type="button"
              className="rounded border border-red-300 px-3 py-1.5 text-red-800 hover:bg-red-50 disabled:opacity-50"
              disabled={anonymise.isPending}
              onClick={() => run(() => anonymise.mutateAsync({ userId }), "The customer was anonymised.").then(() => setConfirming(false))}
            >
              Yes, anonymise
            </button>
            <button type="button" className={rowButtonClass} onClick={() => setConfirming(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" className={rowButtonClass} onClick={() => setConfirming(true)}>
            Anonymise…
          </button>
        )}
      </div>
      {message && (
        <p role={message.error ? "alert" : "status"} className={message.error ? "text-red-700" : "text-green-700"}>
          {message.text}
        </p>
      )}
    </div>
  );
}
