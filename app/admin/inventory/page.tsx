import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { getCaller } from "@/app/_trpc/server";
import { StockFilter } from "@/server/inventory/schemas";
import { inputClass } from "../_components/field";
import { Pagination } from "../_components/pagination";
import { requireAdmin } from "../_lib/require-admin";
import { cell, StockTable } from "./_components/stock-table";

export const metadata: Metadata = { title: "Inventory" };

const PAGE_SIZE = 50;
const FILTER_LABELS = { low: "Low stock (at or below threshold)", out: "Out of stock" } as const;

interface Filters {
  q?: string;
  filter?: StockFilter;
  warehouseId?: number;
  page: number;
}

function readFilters(params: Record<string, string | string[] | undefined>): Filters {
  const one = (key: string) => (typeof params[key] === "string" ? params[key].trim() : "");
  const filter = StockFilter.safeParse(one("filter"));
  const warehouseId = Number(one("warehouse"));
  const page = Number(one("page"));
  return {
    q: one("q").slice(0, 200) || undefined,
    filter: filter.success ? filter.data : undefined,
    warehouseId: Number.isInteger(warehouseId) && warehouseId > 0 && warehouseId < 2 ** 31 ? warehouseId : undefined,
    page: Number.isInteger(page) && page > 1 && page <= 10_000 ? page : 1,
  };
}

function listHref({ q, filter, warehouseId, page }: Filters) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (filter) params.set("filter", filter);
  if (warehouseId) params.set("warehouse", String(warehouseId));
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/admin/inventory?${query}` : "/admin/inventory";
}

const link = "rounded border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100";

export default async function InventoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = readFilters(await searchParams);
  await requireAdmin(listHref(filters));
  const caller = await getCaller();
  const [{ items, total }, warehouses] = await Promise.all([caller.inventory.levels({ ...filters, pageSize: PAGE_SIZE }), caller.inventory.warehouses()]);

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Inventory</h1>
        <div className="flex flex-wrap gap-2">
          <Link href="/admin/inventory/warehouses" className={link}>
            Warehouses
          </Link>
          <a href="/admin/inventory/export" className={link} download>
            Export CSV
          </a>
          <Link href="/admin/inventory/import" className={link}>
            Import CSV
          </Link>
        </div>
      </div>

      <Form action="/admin/inventory" role="search" className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm font-medium">
          Search
          <input name="q" type="search" defaultValue={filters.q} placeholder="SKU or product" className={`${inputClass} w-64`} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Stock
          <select name="filter" defaultValue={filters.filter ?? ""} className={inputClass}>
            <option value="">All stock</option>
            {StockFilter.options.map((f) => (
              <option key={f} value={f}>
                {FILTER_LABELS[f]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Warehouse
          <select name="warehouse" defaultValue={filters.warehouseId ?? ""} className={inputClass}>
            <option value="">All warehouses</option>
            {warehouses.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
                {w.active ? "" : " (inactive)"}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={link}>
          Apply
        </button>
        {(filters.q || filters.filter || filters.warehouseId) && (
          <Link href="/admin/inventory" className="py-1.5 text-sm underline">
            Clear filters
          </Link>
        )}
      </Form>

      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-10 text-center">{total > 0 ? `There is no page ${filters.page}.` : "No stock matches these filters."}</p>
      ) : (
        <StockTable headings={["SKU", "Product", "Warehouse", "On hand", "Reserved", "Available", "Variant available / threshold"]} minWidth="48rem">
          {items.map((row) => (
            <tr key={`${row.variantId}-${row.warehouseId}`} className="border-b border-stone-100 hover:bg-stone-50">
              <td className={`${cell} font-mono text-xs`}>
                <Link href={`/admin/inventory/${row.variantId}`} className="underline-offset-2 hover:underline">
                  {row.sku}
                </Link>
              </td>
              <td className={cell}>
                {row.productTitle} <span className="text-stone-500">{row.variantTitle}</span>
              </td>
              <td className={cell}>
                {row.warehouseName}
                {!row.warehouseActive && <span className="ml-1 text-xs text-stone-500">(inactive)</span>}
              </td>
              <td className={`${cell} tabular-nums`}>{row.onHand}</td>
              <td className={`${cell} tabular-nums`}>{row.reserved}</td>
              <td className={`${cell} tabular-nums`}>{row.available}</td>
              <td className={`${cell} tabular-nums ${row.variantAvailable <= row.threshold ? "font-medium text-red-700" : ""}`}>
                {row.variantAvailable} / {row.threshold}
              </td>
            </tr>
          ))}
        </StockTable>
      )}
      <Pagination page={filters.page} pageSize={PAGE_SIZE} total={total} hrefFor={(page) => listHref({ ...filters, page })} noun={["stock row", "stock rows"]} />
    </div>
  );
}
