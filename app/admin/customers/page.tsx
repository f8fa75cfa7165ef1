import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { formatMoney } from "@/app/_components/format-money";
import { getCaller } from "@/app/_trpc/server";
import { inputClass } from "../_components/field";
import { Pagination } from "../_components/pagination";
import { requireAdmin } from "../_lib/require-admin";

export const metadata: Metadata = { title: "Customers" };

const PAGE_SIZE = 25;
const joinedFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });

function readFilters(params: Record<string, string | string[] | undefined>) {
  const one = (key: string) => (typeof params[key] === "string" ? params[key].trim() : "");
  const page = Number(one("page"));
  return { q: one("q").slice(0, 200) || undefined, page: Number.isInteger(page) && page > 1 && page <= 10_000 ? page : 1 };
}

function listHref({ q, page }: { q?: string; page: number }) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/admin/customers?${query}` : "/admin/customers";
}

export default async function AdminCustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = readFilters(await searchParams);
  await requireAdmin(listHref(filters));
  const { items, total } = await (await getCaller()).adminCustomers.list({ ...filters, pageSize: PAGE_SIZE });

  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-2xl font-semibold">Customers</h1>
      <Form action="/admin/customers" role="search" className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="customers-q" className="text-sm font-medium">
            Search
          </label>
          <input id="customers-q" name="q" type="search" defaultValue={filters.q} placeholder="Name or email" className={`${inputClass} w-72 max-w-full`} />
        </div>
        <button type="submit" className="rounded border border-stone-300 px-4 py-1.5 text-sm hover:bg-stone-100">
          Search
        </button>
        {filters.q && (
          <Link href="/admin/customers" className="py-1.5 text-sm underline">
            Clear
          </Link>
        )}
      </Form>

      {items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 p-10 text-center">
          <p>{total > 0 ? `There is no page ${filters.page}.` : filters.q ? "No customers match this search." : "No customers yet."}</p>
        </div>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-stone-300 text-xs uppercase tracking-wide text-stone-500">
              <tr>
                {["Customer", "Email", "Joined", "Orders", "Lifetime value"].map((h) => (
                  <th key={h} scope="col" className="px-2 py-2 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id} className="border-b border-stone-100 hover:bg-stone-50">
                  <td className="px-2 py-2">
                    <Link href={`/admin/customers/${c.id}`} className="font-medium underline-offset-2 hover:underline">
                      {c.name || "(no name)"}
                    </Link>
                  </td>
                  <td className="px-2 py-2">{c.email}</td>
                  <td className="px-2 py-2">
                    <time dateTime={c.createdAt.toISOString()}>{joinedFormat.format(c.createdAt)}</time>
                  </td>
                  <td className="px-2 py-2 tabular-nums">{c.orderCount}</td>
                  <td className="px-2 py-2 tabular-nums">{c.lifetimeValue.length === 0 ? "—" : c.lifetimeValue.map((v) => formatMoney(v.amount, v.currency)).join(" · ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={filters.page} pageSize={PAGE_SIZE} total={total} hrefFor={(page) => listHref({ ...filters, page })} noun={["customer", "customers"]} />
    </div>
  );
}
