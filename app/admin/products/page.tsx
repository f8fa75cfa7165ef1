import type { Metadata } from "next";
import Link from "next/link";
import { formatMoney } from "@/app/_components/format-money";
import { getCaller } from "@/app/_trpc/server";
import { ProductStatus } from "@/server/catalog/admin-schemas";
import { ListFilters } from "../_components/list-filters";
import { Pagination } from "../_components/pagination";
import { STATUS_LABELS, StatusBadge } from "../_components/status-badge";
import { requireAdmin } from "../_lib/require-admin";

export const metadata: Metadata = { title: "Products" };

const PAGE_SIZE = 25;
const updatedFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

interface Filters {
  q?: string;
  status?: ProductStatus;
  page: number;
}

function readFilters(params: Record<string, string | string[] | undefined>): Filters {
  const one = (key: string) => (typeof params[key] === "string" ? params[key].trim() : "");
  const status = ProductStatus.safeParse(one("status"));
  const page = Number(one("page"));
  return { q: one("q").slice(0, 200) || undefined, status: status.success ? status.data : undefined, page: Number.isInteger(page) && page > 1 ? page : 1 };
}

function listHref({ q, status, page }: Filters) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (status) params.set("status", status);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/admin/products?${query}` : "/admin/products";
}

export default async function AdminProductsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = readFilters(await searchParams);
  await requireAdmin(listHref(filters));
  const { items, total } = await (await getCaller()).adminProducts.list({ ...filters, pageSize: PAGE_SIZE });
  const filtered = Boolean(filters.q || filters.status);

  return (
    <div className="flex flex-col gap-5">
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Products</h1>
        <Link href="/admin/products/new" className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
          New product
        </Link>
      </div>

      <ListFilters
        action="/admin/products"
        idPrefix="products"
        searchPlaceholder="Title, slug or SKU"
        q={filters.q}
        status={filters.status}
        statusLabels={STATUS_LABELS}
      />

      {items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 p-10 text-center">
          {total > 0 ? (
            <p>
              There is no page {filters.page}. <Link href={listHref({ ...filters, page: 1 })} className="underline">Go to the first page</Link>
            </p>
          ) : filtered ? (
            <p>No products match these filters.</p>
          ) : (
            <p>No products yet. Create the first one with “New product”.</p>
          )}
        </div>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-stone-300 text-xs uppercase tracking-wide text-stone-500">
              <tr>
                {["Title", "Slug", "Brand", "Status", "Price from", "Variants", "Updated"].map((h) => (
                  <th key={h} scope="col" className="px-2 py-2 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id} className="border-b border-stone-100 hover:bg-stone-50">
                  <td className="px-2 py-2">
                    <Link href={`/admin/products/${p.id}`} className="font-medium underline-offset-2 hover:underline">
                      {p.title}
                    </Link>
                  </td>
                  <td className="px-2 py-2 font-mono text-xs">{p.slug}</td>
                  <td className="px-2 py-2">{p.brand}</td>
                  <td className="px-2 py-2">
                    <StatusBadge status={p.status} />
                  </td>
                  <td className="px-2 py-2 tabular-nums">{p.priceMin === null ? "—" : formatMoney(p.priceMin, p.currency)}</td>
                  <td className="px-2 py-2 tabular-nums">{p.variantCount}</td>
                  <td className="px-2 py-2">
                    <time dateTime={p.updatedAt.toISOString()}>{updatedFormat.format(p.updatedAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={filters.page} pageSize={PAGE_SIZE} total={total} hrefFor={(page) => listHref({ ...filters, page })} />
    </div>
  );
}
