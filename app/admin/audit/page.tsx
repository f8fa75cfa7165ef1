import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { getCaller } from "@/app/_trpc/server";
import type { AuditChange } from "@/server/audit/audit-changes";
import { inputClass } from "../_components/field";
import { Pagination } from "../_components/pagination";
import { TableHead } from "../_components/table-head";
import { requireAdmin } from "../_lib/require-admin";
import { AdminTime } from "../orders/_components/admin-time";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;
const FIELDS = [
  { name: "actor", label: "Who (email)", placeholder: "name@shop", type: "search" },
  { name: "action", label: "Action", placeholder: "adminOrders.refund", type: "search" },
  { name: "targetType", label: "Target type", placeholder: "order", type: "search" },
  { name: "targetId", label: "Target id", placeholder: "", type: "search" },
  { name: "from", label: "From", placeholder: "", type: "date" },
  { name: "to", label: "To", placeholder: "", type: "date" },
] as const;
type FilterName = (typeof FIELDS)[number]["name"];
type Filters = Partial<Record<FilterName, string>> & { page: number };

function readFilters(params: Record<string, string | string[] | undefined>): Filters {
  const one = (key: string) => (typeof params[key] === "string" ? params[key].trim().slice(0, 100) : "");
  const day = (key: string) => (/^\d{4}-\d{2}-\d{2}$/.test(one(key)) ? one(key) : undefined);
  const page = Number(one("page"));
  return {
    actor: one("actor") || undefined,
    action: one("action") || undefined,
    targetType: one("targetType") || undefined,
    targetId: one("targetId") || undefined,
    from: day("from"),
    to: day("to"),
    page: Number.isInteger(page) && page > 1 && page <= 10_000 ? page : 1,
  };
}

function listHref(filters: Filters) {
  const params = new URLSearchParams();
  for (const { name } of FIELDS) if (filters[name]) params.set(name, filters[name]);
  if (filters.page > 1) params.set("page", String(filters.page));
  const query = params.toString();
  return query ? `/admin/audit?${query}` : "/admin/audit";
}

const shown = (value: unknown) => (value === null || value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value));

function Changes({ changes }: { changes: AuditChange[] }) {
  if (changes.length === 0) return <span className="text-stone-500">no change recorded</span>;
  return (
    <ul className="flex flex-col gap-0.5">
      {changes.slice(0, 12).map((c) => (
        <li key={c.path} className="break-all">
          {c.path && <span className="font-mono text-xs text-stone-600">{c.path}: </span>}
          <del className="text-red-700">{shown(c.before)}</del> → <ins className="text-green-800 no-underline">{shown(c.after)}</ins>
        </li>
      ))}
      {changes.length > 12 && <li className="text-stone-500">and {changes.length - 12} more</li>}
    </ul>
  );
}

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = readFilters(await searchParams);
  await requireAdmin(listHref(filters), { fullAdmin: true });
  const { items, total } = await (await getCaller()).audit.list({ ...filters, pageSize: PAGE_SIZE });
  const filtered = FIELDS.some(({ name }) => filters[name]);

  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <Form action="/admin/audit" role="search" className="flex flex-wrap items-end gap-3">
        {FIELDS.map((f) => (
          <div key={f.name} className="flex flex-col gap-1">
            <label htmlFor={`audit-${f.name}`} className="text-sm font-medium">
              {f.label}
            </label>
            <input id={`audit-${f.name}`} name={f.name} type={f.type} defaultValue={filters[f.name]} placeholder={f.placeholder} className={`${inputClass} w-44 max-w-full`} />
          </div>
        ))}
        <button type="submit" className="rounded border border-stone-300 px-4 py-1.5 text-sm hover:bg-stone-100">
          Filter
        </button>
        {filtered && (
          <Link href="/admin/audit" className="py-1.5 text-sm underline">
            Clear
          </Link>
        )}
      </Form>

      {items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 p-10 text-center">
          <p>{total > 0 ? `There is no page ${filters.page}.` : filtered ? "No entries match these filters." : "Nothing has been changed in the admin yet."}</p>
        </div>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <TableHead columns={["When", "Who", "Action", "Target", "Changes"]} />
            <tbody>
              {items.map((row) => (
                <tr key={row.id} className="border-b border-stone-100 align-top">
                  <td className="whitespace-nowrap px-2 py-2">
                    <AdminTime at={row.createdAt} />
                  </td>
                  <td className="px-2 py-2">
                    {row.actorEmail ?? row.actorId ?? "—"} <span className="text-xs text-stone-500">({row.actorRole})</span>
                  </td>
                  <td className="px-2 py-2 font-mono text-xs">{row.action}</td>
                  <td className="px-2 py-2">
                    {row.targetType} <span className="font-mono text-xs break-all">{row.targetId ?? ""}</span>
                  </td>
                  <td className="max-w-md px-2 py-2">
                    <Changes changes={row.changes} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={filters.page} pageSize={PAGE_SIZE} total={total} hrefFor={(page) => listHref({ ...filters, page })} noun={["entry", "entries"]} />
    </div>
  );
}
