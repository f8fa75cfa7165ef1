import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { formatMoney } from "@/app/_components/format-money";
import { FulfilmentStatusBadge, OrderStatusBadge } from "@/app/_components/order-status-badge";
import { Pagination } from "@/app/_components/pagination";
import { getCaller } from "@/app/_trpc/server";
import { currentUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "Your orders", robots: { index: false } };

const PAGE_SIZE = 20;
const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });

export default async function OrderHistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { page: rawPage } = await searchParams;
  const requested = Number(rawPage);
  const page = Number.isInteger(requested) && requested >= 1 && requested <= 10_000 ? requested : 1;
  if (!(await currentUser())) redirect(`/sign-in?callbackUrl=${encodeURIComponent(page > 1 ? `/orders?page=${page}` : "/orders")}`);
  const { items, total } = await (await getCaller()).orders.list({ page, pageSize: PAGE_SIZE });

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6 px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Your orders</h1>
      {items.length === 0 ? (
        <div className="flex flex-col items-start gap-3 rounded-lg border border-dashed border-stone-300 p-8">
          <p>{total > 0 ? `There is no page ${page}.` : "You have not placed any orders yet."}</p>
          <Link href={total > 0 ? "/orders" : "/"} className="rounded-md bg-stone-900 px-4 py-2 text-sm font-medium text-white hover:bg-stone-700">
            {total > 0 ? "Back to your latest orders" : "Start shopping"}
          </Link>
        </div>
      ) : (
        <ul className="flex flex-col divide-y divide-stone-200 border-y border-stone-200">
          {items.map((order) => (
            <li key={order.id}>
              <Link href={`/orders/${order.id}`} className="flex flex-wrap items-center gap-x-6 gap-y-1 px-2 py-4 hover:bg-stone-50">
                <span className="min-w-36 font-medium">Order #{order.number}</span>
                <time dateTime={order.placedAt.toISOString()} className="min-w-28 text-sm text-stone-600">
                  {dateFormat.format(order.placedAt)}
                </time>
                <span className="min-w-20 text-sm text-stone-600">
                  {order.itemCount} {order.itemCount === 1 ? "item" : "items"}
                </span>
                <span className="min-w-24 font-medium tabular-nums">{formatMoney(order.totalAmount, order.currency)}</span>
                <span className="ml-auto flex gap-1">
                  <OrderStatusBadge status={order.status} />
                  <FulfilmentStatusBadge status={order.fulfilmentStatus} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {total > 0 && <Pagination page={page} pageSize={PAGE_SIZE} total={total} hrefFor={(n) => (n > 1 ? `/orders?page=${n}` : "/orders")} />}
    </div>
  );
}
