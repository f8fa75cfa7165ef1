import type { ReactNode } from "react";
import { fieldId, invalidProps, type FieldErrors } from "../_lib/form-errors";

export const inputClass =
  "w-full rounded border border-stone-300 px-2 py-1.5 text-sm aria-[invalid=true]:border-red-600 aria-[invalid=true]:bg-red-50";

export type InputWiring = ReturnType<typeof invalidProps>;

/** A visibly labelled input whose error, if any, is announced through aria-describedby. */
export function Field(props: { label: string; path: string; errors: FieldErrors; hint?: string; children: (wiring: InputWiring) => ReactNode }) {
  const { label, path, errors, hint, children } = props;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={fieldId(path)} className="text-sm font-medium">
        {label}
      </label>
      {children(invalidProps(path, errors))}
      {hint && <p className="text-xs text-stone-500">{hint}</p>}
      <FieldError path={path} errors={errors} />
    </div>
  );
}

export function FieldError({ path, errors }: { path: string; errors: FieldErrors }) {
  const message = errors[path];
  if (message === undefined) return null;
  return (
    <p id={`${fieldId(path)}-error`} className="text-xs text-red-700">
      {message}
    </p>
  );
}
