import Link from "next/link";
import { formatMoney } from "@/app/_components/format-money";
import { OrderStatusBadge } from "@/app/_components/order-status-badge";
import type { AdminOrderRow } from "@/server/orders/admin-list-orders";

export function RecentOrders({ orders, timeZone }: { orders: AdminOrderRow[]; timeZone: string }) {
  const placed = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone });
  return (
    <section aria-labelledby="recent-heading" className="flex min-w-0 flex-col gap-2 rounded-lg border border-stone-200 p-4">
      <div className="flex items-center justify-between">
        <h2 id="recent-heading" className="text-lg font-medium">
          Recent orders
        </h2>
        <Link href="/admin/orders" className="text-sm underline">
          All orders
        </Link>
      </div>
      {orders.length === 0 ? (
        <p className="text-sm text-stone-600">No orders yet.</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase tracking-wide text-stone-500">
              <tr>
                {["Order", "Placed", "Customer", "Total", "Status"].map((h) => (
                  <th key={h} scope="col" className="px-2 py-1 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.id} className="border-t border-stone-100">
                  <td className="px-2 py-1.5">
                    <Link href={`/admin/orders/${o.id}`} className="font-medium underline-offset-2 hover:underline">
                      <span className="sr-only">Order </span>#{o.number}
                    </Link>
                  </td>
                  <td className="px-2 py-1.5 whitespace-nowrap">
                    <time dateTime={o.placedAt.toISOString()}>{placed.format(o.placedAt)}</time>
                  </td>
                  <td className="px-2 py-1.5">{o.email}</td>
                  <td className="px-2 py-1.5 tabular-nums whitespace-nowrap">{formatMoney(o.totalAmount, o.currency)}</td>
                  <td className="px-2 py-1.5">
                    <OrderStatusBadge status={o.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
