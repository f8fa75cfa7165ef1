"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { AdminTime } from "../orders/_components/admin-time";
import { FieldError, inputClass } from "./field";
import { invalidProps, serverErrors, type FieldErrors } from "../_lib/form-errors";

export interface NoteView {
  id: string | number;
  body: string;
  author: string | null;
  createdAt: Date;
}

/** The admins' internal notes on something (an order, a customer) and a box to add one. Whoever it is about never sees them. */
export function Notes({ notes, add, pending }: { notes: NoteView[]; add: (body: string) => Promise<unknown>; pending: boolean }) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await add(body);
      setBody("");
      setErrors({});
      router.refresh();
    } catch (e) {
      const { fields, message } = serverErrors(e);
      setErrors({ body: fields.body ?? message });
    }
  }

  return (
    <div className="flex flex-col gap-3">
      {notes.length === 0 ? (
        <p className="text-sm text-stone-600">No notes yet.</p>
      ) : (
        <ul aria-label="Notes" className="flex flex-col gap-2 text-sm">
          {notes.map((note) => (
            <li key={note.id} className="flex flex-col">
              <span className="whitespace-pre-wrap break-words">{note.body}</span>
              <span className="text-xs text-stone-500">
                {note.author ?? "A former admin"} · <AdminTime at={note.createdAt} />
              </span>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="flex flex-col gap-2" aria-label="Add a note">
        <label htmlFor={invalidProps("body", errors).id} className="text-sm font-medium">
          New note
        </label>
        <textarea {...invalidProps("body", errors)} className={inputClass} rows={3} maxLength={2000} value={body} onChange={(e) => setBody(e.target.value)} />
        <FieldError path="body" errors={errors} />
        <button type="submit" disabled={pending || body.trim() === ""} className="self-start rounded border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100 disabled:opacity-50">
          Add note
        </button>
      </form>
    </div>
  );
}
