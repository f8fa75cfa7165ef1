import Form from "next/form";
import Link from "next/link";
import { inputClass } from "./field";

interface ListFiltersProps<Status extends string> {
  /** The list page's path; the form submits to it and "Clear filters" links to it. */
  action: string;
  idPrefix: string;
  searchPlaceholder: string;
  q: string | undefined;
  status: Status | undefined;
  statusLabels: Record<Status, string>;
}

/** The search box and status select above an admin list, kept in the URL as a GET form. */
export function ListFilters<Status extends string>({ action, idPrefix, searchPlaceholder, q, status, statusLabels }: ListFiltersProps<Status>) {
  return (
    <Form action={action} role="search" className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor={`${idPrefix}-q`} className="text-sm font-medium">
          Search
        </label>
        <input id={`${idPrefix}-q`} name="q" type="search" defaultValue={q} placeholder={searchPlaceholder} className={`${inputClass} w-72`} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${idPrefix}-status`} className="text-sm font-medium">
          Status
        </label>
        <select id={`${idPrefix}-status`} name="status" defaultValue={status ?? ""} className={inputClass}>
          <option value="">All statuses</option>
          {(Object.keys(statusLabels) as Status[]).map((s) => (
            <option key={s} value={s}>
              {statusLabels[s]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded border border-stone-300 px-4 py-1.5 text-sm hover:bg-stone-100">
        Apply
      </button>
      {(q || status) && (
        <Link href={action} className="py-1.5 text-sm underline">
          Clear filters
        </Link>
      )}
    </Form>
  );
}
