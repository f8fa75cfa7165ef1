import Link from "next/link";
import { shippingMethodLabel } from "@/server/checkout/shipping-method-label";
import type { OrderView } from "@/server/orders/schemas";
import { formatMoney } from "./format-money";
import { LineThumbnail } from "./line-thumbnail";

/** The admin's lines also carry the product's image and how many units were refunded. */
type Line = OrderView["lines"][number] & { imageUrl?: string | null; imageAlt?: string; refundedQuantity?: number };
type OrderAmounts = Pick<OrderView, "currency" | "subtotalAmount" | "shippingAmount" | "totalAmount" | "refundedAmount" | "shippingMethod"> & { lines: Line[] };


/** The order's lines as bought (snapshots, not today's prices) and its totals. */
export function OrderLines({ order, linkProducts = false }: { order: OrderAmounts; linkProducts?: boolean }) {
  const money = (amount: number) => formatMoney(amount, order.currency);
  const cell = "px-2 py-2";
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Items</caption>
        <thead className="border-b border-stone-300 text-xs uppercase tracking-wide text-stone-500">
          <tr>
            <th scope="col" className={`${cell} font-medium`}>Item</th>
            <th scope="col" className={`${cell} text-right font-medium`}>Price</th>
            <th scope="col" className={`${cell} text-right font-medium`}>Qty</th>
            <th scope="col" className={`${cell} text-right font-medium`}>Total</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line, i) => (
            <tr key={`${i}-${line.variantId}`} className="border-b border-stone-100 align-top">
              <td className={cell}>
                <div className="flex gap-2">
                  {line.imageUrl !== undefined && <LineThumbnail url={line.imageUrl} alt={line.imageAlt ?? ""} />}
                  <div>
                    {linkProducts && line.productSlug ? (
                      <Link href={`/p/${line.productSlug}?variant=${line.variantId}`} className="font-medium underline-offset-2 hover:underline">
                        {line.productTitle}
                      </Link>
                    ) : (
                      <span className="font-medium">{line.productTitle}</span>
                    )}
                    <span className="block text-stone-600">{line.variantTitle}</span>
                    <span className="block font-mono text-xs text-stone-500">{line.sku}</span>
                    {!!line.refundedQuantity && <span className="block text-xs text-stone-600">{line.refundedQuantity} refunded</span>}
                  </div>
                </div>
              </td>
              <td className={`${cell} text-right tabular-nums`}>{money(line.unitAmount)}</td>
              <td className={`${cell} text-right tabular-nums`}>{line.quantity}</td>
              <td className={`${cell} text-right tabular-nums`}>{money(line.lineAmount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="tabular-nums">
          <TotalRow label="Subtotal" value={money(order.subtotalAmount)} />
          <TotalRow label={shippingMethodLabel(order.shippingMethod)} value={order.shippingAmount === 0 ? "Free" : money(order.shippingAmount)} />
          <TotalRow label="Total" value={money(order.totalAmount)} strong />
          {order.refundedAmount > 0 && <TotalRow label="Refunded" value={`−${money(order.refundedAmount)}`} />}
        </tfoot>
      </table>
    </div>
  );
}

function TotalRow({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  return (
    <tr className={strong ? "border-t border-stone-300 text-base font-semibold" : "text-stone-700"}>
      <th scope="row" colSpan={3} className="px-2 py-1.5 text-right font-[inherit]">
        {label}
      </th>
      <td className="px-2 py-1.5 text-right">{value}</td>
    </tr>
  );
}
