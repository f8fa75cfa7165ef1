import Link from "next/link";
import type { AdminProductSort } from "@/server/catalog/admin-schemas";

type Column = "title" | "price" | "stock" | "updated";

/** A column heading that sorts the list by that column: first click ascending (newest first for dates), the next reverses. */
export function SortHeader({ column, label, sort, hrefFor }: { column: Column; label: string; sort: AdminProductSort; hrefFor: (sort: AdminProductSort) => string }) {
  const [current, direction] = sort.split("_") as [Column, "asc" | "desc"];
  const active = current === column;
  const first = column === "updated" ? "desc" : "asc";
  const next = active ? (direction === "asc" ? "desc" : "asc") : first;
  return (
    <th scope="col" className="px-2 py-2 font-medium" aria-sort={active ? (direction === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={hrefFor(`${column}_${next}` as AdminProductSort)} className="inline-flex items-center gap-1 hover:underline">
        {label}
        <span aria-hidden="true">{active ? (direction === "asc" ? "▲" : "▼") : ""}</span>
      </Link>
    </th>
  );
}
