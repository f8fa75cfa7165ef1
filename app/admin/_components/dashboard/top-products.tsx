import Link from "next/link";
import { formatMoney } from "@/app/_components/format-money";
import type { TopProduct } from "@/server/admin/get-sales-chart";

export function TopProducts({ products }: { products: TopProduct[] }) {
  return (
    <section aria-labelledby="top-heading" className="flex min-w-0 flex-col gap-2 rounded-lg border border-stone-200 p-4">
      <h2 id="top-heading" className="text-lg font-medium">
        Top products, last 30 days
      </h2>
      {products.length === 0 ? (
        <p className="text-sm text-stone-600">No paid orders in the last 30 days.</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase tracking-wide text-stone-500">
              <tr>
                <th scope="col" className="py-1 pr-2 font-medium">Product</th>
                <th scope="col" className="px-2 py-1 text-right font-medium">Units</th>
                <th scope="col" className="py-1 pl-2 text-right font-medium">Revenue</th>
              </tr>
            </thead>
            <tbody>
              {products.map((p) => (
                <tr key={p.productId} className="border-t border-stone-100">
                  <td className="py-1.5 pr-2">
                    <Link href={`/admin/products/${p.productId}`} className="underline-offset-2 hover:underline">
                      {p.title}
                    </Link>
                  </td>
                  <td className="px-2 py-1.5 text-right tabular-nums">{p.units}</td>
                  <td className="py-1.5 pl-2 text-right tabular-nums whitespace-nowrap">
                    {p.revenue.map((r) => (
                      <span key={r.currency} className="block">
                        {formatMoney(r.amount, r.currency)}
                      </span>
                    ))}
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
