"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { serverErrors } from "../../_lib/form-errors";

export const buttonClass = "rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-50";
export const labelClass = "flex flex-col gap-1 text-sm font-medium";

/** A small form that sends its fields to one mutation, then shows the outcome and refreshes the page's data. */
export function ActionForm(props: { title: string; submitLabel: string; done: string; run: (form: FormData) => Promise<unknown>; children: ReactNode }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    setOutcome(null);
    try {
      await props.run(new FormData(form));
      form.reset();
      setOutcome({ ok: true, text: props.done });
      router.refresh();
    } catch (error) {
      const { fields, message } = serverErrors(error);
      setOutcome({ ok: false, text: [message, ...Object.values(fields)].join(" ") });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label={props.title} className="flex flex-col gap-3 rounded-lg border border-stone-200 p-4">
      <h3 className="font-semibold">{props.title}</h3>
      <div className="flex flex-wrap items-end gap-3">{props.children}</div>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={busy} className={buttonClass}>
          {props.submitLabel}
        </button>
        {outcome && (
          <p role={outcome.ok ? "status" : "alert"} className={`text-sm ${outcome.ok ? "text-brand-800" : "text-red-700"}`}>
            {outcome.text}
          </p>
        )}
      </div>
    </form>
  );
}
