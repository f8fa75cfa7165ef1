"use client";
import type { FieldErrors } from "../_lib/form-errors";
import { emptyPair, type PairDraft } from "../_lib/product-draft";
import { RowInput, rowButtonClass } from "./row-cell";

interface Column {
  /** The path segment of this column's errors: `${base}.${row}.${field}`. */
  field: string;
  heading: string;
  /** Ends each input's accessible name: "Attribute 2 value". */
  label: string;
}

interface PairRowsProps {
  legend: string;
  noun: string;
  base: string;
  columns: [Column, Column];
  rows: PairDraft[];
  errors: FieldErrors;
  onChange: (rows: PairDraft[]) => void;
  max?: number;
}

/** Two-input rows: attributes (name, value), options (name, values) and images (URL, alt text). */
export function PairRows({ legend, noun, base, columns, rows, errors, onChange, max }: PairRowsProps) {
  const set = (i: number, patch: Partial<PairDraft>) => onChange(rows.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const [a, b] = columns;
  return (
    <fieldset className="flex min-w-0 flex-col gap-2">
      <legend className="mb-1 text-sm font-semibold">{legend}</legend>
      {rows.length > 0 && (
        <div aria-hidden className="grid grid-cols-[1fr_2fr_auto] gap-2 text-xs text-stone-500">
          <span>{a.heading}</span>
          <span>{b.heading}</span>
          <span className="w-16" />
        </div>
      )}
      {rows.map((row, i) => (
        <div key={row.key} className="grid grid-cols-[1fr_2fr_auto] items-start gap-2">
          <RowInput label={`${noun} ${i + 1} ${a.label}`} path={`${base}.${i}.${a.field}`} errors={errors} value={row.first} onChange={(first) => set(i, { first })} />
          <RowInput label={`${noun} ${i + 1} ${b.label}`} path={`${base}.${i}.${b.field}`} errors={errors} value={row.second} onChange={(second) => set(i, { second })} />
          <button type="button" className={`${rowButtonClass} w-16`} onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={`Remove ${noun.toLowerCase()} ${i + 1}`}>
            Remove
          </button>
        </div>
      ))}
      <div>
        <button type="button" className={rowButtonClass} disabled={max !== undefined && rows.length >= max} onClick={() => onChange([...rows, emptyPair()])}>
          Add {noun.toLowerCase()}
        </button>
      </div>
    </fieldset>
  );
}
