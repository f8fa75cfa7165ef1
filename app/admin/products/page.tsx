import type { Metadata } from "next";
import Link from "next/link";
import { getCaller } from "@/app/_trpc/server";
import { AdminProductSort, ProductStatus } from "@/server/catalog/admin-schemas";
import { ListFilters } from "../_components/list-filters";
import { STATUS_LABELS } from "../_components/status-badge";
import { isFullAdmin, requireAdmin } from "../_lib/require-admin";
import { ProductTable } from "./_components/product-table";
import { SortHeader } from "./_components/sort-header";

export const metadata: Metadata = { title: "Products" };

const PAGE_SIZE = 25;
const CURSOR = /^[A-Za-z0-9_-]{1,600}$/;

interface Filters {
  q?: string;
  status?: ProductStatus;
  sort: AdminProductSort;
  after?: string;
  before?: string;
}

function readFilters(params: Record<string, string | string[] | undefined>): Filters {
  const one = (key: string) => (typeof params[key] === "string" ? params[key].trim() : "");
  const status = ProductStatus.safeParse(one("status"));
  const sort = AdminProductSort.safeParse(one("sort"));
  const cursor = (key: string) => (CURSOR.test(one(key)) ? one(key) : undefined);
  const after = cursor("after");
  return {
    q: one("q").slice(0, 200) || undefined,
    status: status.success ? status.data : undefined,
    sort: sort.success ? sort.data : "updated_desc",
    after,
    before: after ? undefined : cursor("before"),
  };
}

function listHref({ q, status, sort, after, before }: Filters) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (status) params.set("status", status);
  if (sort !== "updated_desc") params.set("sort", sort);
  if (after) params.set("after", after);
  if (before) params.set("before", before);
  const query = params.toString();
  return query ? `/admin/products?${query}` : "/admin/products";
}

export default async function AdminProductsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = readFilters(await searchParams);
  const user = await requireAdmin(listHref(filters));
  const caller = await getCaller();
  // A stale or foreign cursor (a bookmarked page after a sort change) starts again from the first page.
  const list = (f: Filters) => caller.adminProducts.list({ ...f, pageSize: PAGE_SIZE });
  const page = await list(filters).catch(() => list({ ...filters, after: undefined, before: undefined }));
  const { items, total, nextCursor, prevCursor } = page;
  const base = { q: filters.q, status: filters.status, sort: filters.sort };
  const sortHref = (sort: AdminProductSort) => listHref({ ...base, sort });
  const link = "rounded border border-stone-300 px-3 py-1.5 hover:bg-stone-100";

  return (
    <div className="flex flex-col gap-5">
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Products</h1>
        {isFullAdmin(user) && (
          <Link href="/admin/products/new" className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
            New product
          </Link>
        )}
      </div>

      <ListFilters action="/admin/products" idPrefix="products" searchPlaceholder="Title, slug or SKU" q={filters.q} status={filters.status} statusLabels={STATUS_LABELS} />

      {items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 p-10 text-center">
          {filters.q || filters.status ? <p>No products match these filters.</p> : <p>No products yet. Create the first one with “New product”.</p>}
        </div>
      ) : (
        <ProductTable
          items={items}
          headings={
            <>
              <SortHeader column="title" label="Title" sort={filters.sort} hrefFor={sortHref} />
              <th scope="col" className="px-2 py-2 font-medium">
                Status
              </th>
              <SortHeader column="price" label="Price from" sort={filters.sort} hrefFor={sortHref} />
              <SortHeader column="stock" label="Available" sort={filters.sort} hrefFor={sortHref} />
              <th scope="col" className="px-2 py-2 font-medium">
                Variants
              </th>
              <SortHeader column="updated" label="Updated" sort={filters.sort} hrefFor={sortHref} />
            </>
          }
        />
      )}
      <nav aria-label="Pagination" className="flex items-center justify-between gap-4 text-sm">
        <p>
          {total} {total === 1 ? "product" : "products"}
        </p>
        <div className="flex gap-2">
          {prevCursor && (
            <Link className={link} href={listHref({ ...base, before: prevCursor })} rel="prev">
              Previous
            </Link>
          )}
          {nextCursor && (
            <Link className={link} href={listHref({ ...base, after: nextCursor })} rel="next">
              Next
            </Link>
          )}
        </div>
      </nav>
    </div>
  );
}
