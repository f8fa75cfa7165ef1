import type { Metadata } from "next";
import Link from "next/link";
import { formatMoney } from "@/app/_components/format-money";
import { getCaller } from "@/app/_trpc/server";
import { ReturnListStatus } from "@/server/returns/schemas";
import { Pagination } from "../_components/pagination";
import { TableHead } from "../_components/table-head";
import { age } from "../_lib/age";
import { requireAdmin } from "../_lib/require-admin";

export const metadata: Metadata = { title: "Returns" };

type Status = typeof ReturnListStatus.options[number];

const TABS: Record<Status, string> = { requested: "Requested", approved: "Approved", received: "Received", refunded: "Refunded", rejected: "Rejected" };
const NEXT_STEP: Record<Status, string> = {
  requested: "waiting for approval or rejection",
  approved: "label issued, waiting for the parcel",
  received: "back in the warehouse, waiting for the refund",
  refunded: "done",
  rejected: "turned down",
};

const hrefFor = (status: Status, page = 1) => `/admin/returns?status=${status}${page > 1 ? `&page=${page}` : ""}`;

/** Returns by status, the longest waiting first, each linking to its order (where the panel takes the next step). */
export default async function ReturnsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const status = ReturnListStatus.catch("requested").parse(params.status);
  const pageParam = Number(params.page);
  const page = Number.isInteger(pageParam) && pageParam > 1 && pageParam <= 10_000 ? pageParam : 1;
  await requireAdmin(hrefFor(status, page));
  const { items, total, pageSize } = await (await getCaller()).adminReturns.list({ status, page });

  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-2xl font-semibold">Returns</h1>
      <nav aria-label="Return status" className="flex flex-wrap gap-1 border-b border-stone-200">
        {(Object.keys(TABS) as Status[]).map((s) => (
          <Link
            key={s}
            href={hrefFor(s)}
            aria-current={s === status ? "page" : undefined}
            className={`rounded-t px-3 py-2 text-sm ${s === status ? "border-b-2 border-stone-900 font-medium" : "text-stone-600 hover:bg-stone-100"}`}
          >
            {TABS[s]}
          </Link>
        ))}
      </nav>
      <p className="text-sm text-stone-600">
        {TABS[status]} returns, {NEXT_STEP[status]}; the longest waiting first. Open the order to take the next step.
      </p>
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-10 text-center">{total > 0 ? `There is no page ${page}.` : `No ${TABS[status].toLowerCase()} returns.`}</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <TableHead columns={["Order", "Waiting", "Customer", "Items", "Refund", "Reason"]} />
            <tbody>
              {items.map((r) => (
                <tr key={r.returnId} className="border-b border-stone-100 align-top" aria-label={`Return for order #${r.orderNumber}`}>
                  <td className="px-2 py-2">
                    <Link href={`/admin/orders/${r.orderId}`} className="font-medium underline-offset-2 hover:underline">
                      #{r.orderNumber}
                    </Link>
                  </td>
                  <td className="px-2 py-2 tabular-nums">
                    <time dateTime={r.since.toISOString()}>{age(r.ageSeconds)}</time>
                  </td>
                  <td className="px-2 py-2">{r.email}</td>
                  <td className="px-2 py-2 tabular-nums">{r.itemCount}</td>
                  <td className="px-2 py-2 tabular-nums">{formatMoney(r.refundAmount, r.currency)}</td>
                  <td className="px-2 py-2">{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} hrefFor={(p) => hrefFor(status, p)} noun={["return", "returns"]} />
    </div>
  );
}
