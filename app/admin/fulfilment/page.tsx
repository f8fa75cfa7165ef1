import type { Metadata } from "next";
import Link from "next/link";
import { ShipmentStatusBadge } from "@/app/_components/shipment-timeline";
import { getCaller } from "@/app/_trpc/server";
import { Pagination } from "../_components/pagination";
import { age } from "../_lib/age";
import { requireAdmin } from "../_lib/require-admin";
import { AutoBuyToggle } from "./_components/auto-buy-toggle";
import { ShipmentActions } from "./_components/shipment-actions";

export const metadata: Metadata = { title: "Fulfilment" };

const PAGE_SIZE = 25;

export default async function FulfilmentPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const pageParam = Number((await searchParams).page);
  const page = Number.isInteger(pageParam) && pageParam > 1 && pageParam <= 10_000 ? pageParam : 1;
  await requireAdmin(page > 1 ? `/admin/fulfilment?page=${page}` : "/admin/fulfilment");
  const caller = await getCaller();
  const [{ items, total }, settings] = await Promise.all([caller.adminFulfilment.queue({ page, pageSize: PAGE_SIZE }), caller.adminFulfilment.settings()]);

  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-2xl font-semibold">Fulfilment</h1>
      <p className="text-sm text-stone-600">Paid orders not yet shipped, oldest first: buy and print each parcel&apos;s label, or mark it shipped with another carrier.</p>
      <AutoBuyToggle autoBuyLabels={settings.autoBuyLabels} />
      {items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 p-10 text-center">
          <p>{total > 0 ? "There is nothing on this page." : "Nothing waits to be shipped."}</p>
        </div>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-stone-300 text-xs uppercase tracking-wide text-stone-500">
              <tr>
                {["Order", "Waiting", "From", "Contents", "Status", "Actions"].map((h) => (
                  <th key={h} scope="col" className="px-2 py-2 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.shipmentId} className="border-b border-stone-100 align-top" aria-label={`Order #${s.orderNumber}, parcel ${s.shipmentId.slice(0, 8)}`}>
                  <td className="px-2 py-2">
                    <Link href={`/admin/orders/${s.orderId}`} className="font-medium underline-offset-2 hover:underline">
                      #{s.orderNumber}
                    </Link>
                  </td>
                  <td className="px-2 py-2 tabular-nums">
                    <time dateTime={s.paidAt.toISOString()}>{age(s.ageSeconds)}</time>
                  </td>
                  <td className="px-2 py-2">{s.warehouse}</td>
                  <td className="px-2 py-2">{s.contents}</td>
                  <td className="px-2 py-2">
                    <ShipmentStatusBadge status={s.status} />
                    {s.trackingCode && <span className="block font-mono text-xs">{s.trackingCode}</span>}
                  </td>
                  <td className="px-2 py-2">
                    <ShipmentActions shipmentId={s.shipmentId} status={s.status} hasLabel={s.hasLabel} buying={s.buying} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} hrefFor={(p) => (p > 1 ? `/admin/fulfilment?page=${p}` : "/admin/fulfilment")} noun={["parcel", "parcels"]} />
    </div>
  );
}
