import type { ReactNode } from "react";
import { invalidProps, type FieldErrors } from "../_lib/form-errors";
import { FieldError, inputClass } from "./field";

/** An input in a repeated row: named by aria-label ("Variant 2 SKU"), its column heading being the visible label. */
export function RowInput(props: { label: string; path: string; errors: FieldErrors; value: string; onChange: (value: string) => void; inputMode?: "decimal" | "numeric"; className?: string; readOnly?: boolean }) {
  const { label, path, errors, value, onChange, inputMode, className, readOnly } = props;
  return (
    <RowCell path={path} errors={errors} className={className}>
      <input {...invalidProps(path, errors)} aria-label={label} className={inputClass} value={value} inputMode={inputMode} readOnly={readOnly} onChange={(e) => onChange(e.target.value)} />
    </RowCell>
  );
}

export function RowCell({ path, errors, className, children }: { path: string; errors: FieldErrors; className?: string; children: ReactNode }) {
  return (
    <div className={`flex flex-col gap-1 ${className ?? ""}`}>
      {children}
      <FieldError path={path} errors={errors} />
    </div>
  );
}

export const rowButtonClass = "rounded border border-stone-300 px-2 py-1 text-sm hover:bg-stone-100 disabled:opacity-40";
