import Link from "next/link";
import type { InputHTMLAttributes, ReactNode } from "react";

/** The frame shared by the sign-in and sign-up pages. */
export function AuthCard({ title, children, footer }: { title: string; children: ReactNode; footer: ReactNode }) {
  return (
    <main className="flex flex-1 items-start justify-center px-4 py-12 sm:items-center">
      <div className="w-full max-w-sm">
        <Link href="/" className="mb-8 block text-center text-lg font-semibold tracking-tight text-stone-900">
          Emporium
        </Link>
        <div className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
          <h1 className="mb-6 text-xl font-semibold text-stone-900">{title}</h1>
          {children}
        </div>
        <p className="mt-6 text-center text-sm text-stone-600">{footer}</p>
      </div>
    </main>
  );
}

export function TextField({
  label,
  error,
  hint,
  ...input
}: { label: string; error?: string; hint?: string; name: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = `field-${input.name}`;
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 placeholder:text-stone-400 aria-invalid:border-red-600"
        {...input}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-stone-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

export function FormError({ message }: { message: string | null }) {
  return (
    <div role="alert" aria-live="assertive" className={message ? "rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" : undefined}>
      {message}
    </div>
  );
}

export const primaryButton =
  "w-full rounded-lg bg-stone-900 px-4 py-2.5 text-sm font-medium text-white hover:bg-stone-800 disabled:cursor-not-allowed disabled:opacity-60";
export const secondaryButton =
  "w-full rounded-lg border border-stone-300 bg-white px-4 py-2.5 text-sm font-medium text-stone-900 hover:bg-stone-50 disabled:cursor-not-allowed disabled:opacity-60";
