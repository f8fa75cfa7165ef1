import type { Metadata } from "next";
import Link from "next/link";
import { formatMoney } from "@/app/_components/format-money";
import { FulfilmentStatusBadge, ORDER_STATUS_LABELS, OrderStatusBadge, PaymentStatusBadge } from "@/app/_components/order-status-badge";
import { getCaller } from "@/app/_trpc/server";
import { OrderStatus } from "@/server/orders/schemas";
import { ListFilters } from "../_components/list-filters";
import { LiveRefresh } from "../_components/live-refresh";
import { Pagination } from "../_components/pagination";
import { requireAdmin } from "../_lib/require-admin";

export const metadata: Metadata = { title: "Orders" };

const PAGE_SIZE = 25;
const placedFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

interface Filters {
  q?: string;
  status?: OrderStatus;
  page: number;
}

function readFilters(params: Record<string, string | string[] | undefined>): Filters {
  const one = (key: string) => (typeof params[key] === "string" ? params[key].trim() : "");
  const status = OrderStatus.safeParse(one("status"));
  const page = Number(one("page"));
  return {
    q: one("q").slice(0, 200) || undefined,
    status: status.success ? status.data : undefined,
    page: Number.isInteger(page) && page > 1 && page <= 10_000 ? page : 1,
  };
}

function listHref({ q, status, page }: Filters) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (status) params.set("status", status);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/admin/orders?${query}` : "/admin/orders";
}

export default async function AdminOrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = readFilters(await searchParams);
  await requireAdmin(listHref(filters));
  const { items, total } = await (await getCaller()).adminOrders.list({ ...filters, pageSize: PAGE_SIZE });
  const filtered = Boolean(filters.q || filters.status);

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Orders</h1>
        <LiveRefresh />
      </div>

      <ListFilters
        action="/admin/orders"
        idPrefix="orders"
        searchPlaceholder="Order number or email"
        q={filters.q}
        status={filters.status}
        statusLabels={ORDER_STATUS_LABELS}
      />

      {items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 p-10 text-center">
          {total > 0 ? (
            <p>
              There is no page {filters.page}. <Link href={listHref({ ...filters, page: 1 })} className="underline">Go to the first page</Link>
            </p>
          ) : (
            <p>{filtered ? "No orders match these filters." : "No orders yet."}</p>
          )}
        </div>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-stone-300 text-xs uppercase tracking-wide text-stone-500">
              <tr>
                {["Order", "Placed", "Customer", "Items", "Total", "Status", "Payment", "Fulfilment"].map((h) => (
                  <th key={h} scope="col" className="px-2 py-2 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((o) => (
                <tr key={o.id} className="border-b border-stone-100 hover:bg-stone-50">
                  <td className="px-2 py-2">
                    <Link href={`/admin/orders/${o.id}`} className="inline-block font-medium underline-offset-2 hover:underline">
                      <span className="sr-only">Order </span>#{o.number}
                    </Link>
                  </td>
                  <td className="px-2 py-2">
                    <time dateTime={o.placedAt.toISOString()}>{placedFormat.format(o.placedAt)}</time>
                  </td>
                  <td className="px-2 py-2">{o.email}</td>
                  <td className="px-2 py-2 tabular-nums">{o.itemCount}</td>
                  <td className="px-2 py-2 tabular-nums">
                    {formatMoney(o.totalAmount, o.currency)}
                    {o.refundedAmount > 0 && <span className="block text-xs text-stone-500">−{formatMoney(o.refundedAmount, o.currency)} refunded</span>}
                  </td>
                  <td className="px-2 py-2">
                    <OrderStatusBadge status={o.status} />
                  </td>
                  <td className="px-2 py-2">
                    <PaymentStatusBadge status={o.paymentStatus} />
                  </td>
                  <td className="px-2 py-2">
                    <FulfilmentStatusBadge status={o.fulfilmentStatus} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={filters.page} pageSize={PAGE_SIZE} total={total} hrefFor={(page) => listHref({ ...filters, page })} noun={["order", "orders"]} />
    </div>
  );
}
