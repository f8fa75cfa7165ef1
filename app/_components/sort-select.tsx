"use client";
import { FILTER_FORM_ID, useRestoreFocus } from "./filter-form";

/** Belongs to the filter form (through the `form` attribute), so a sort change keeps the filters and vice versa. */
export function SortSelect({ options, value }: { options: { value: string; label: string }[]; value: string }) {
  useRestoreFocus();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="sort" className="text-sm text-stone-600">
        Sort by
      </label>
      <select
        id="sort"
        name="sort"
        form={FILTER_FORM_ID}
        defaultValue={value}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" form={FILTER_FORM_ID} className="rounded-md border border-stone-300 px-2 py-1.5 text-sm">
          Sort
        </button>
      </noscript>
    </div>
  );
}
