import Image from "next/image";
import { formatMoney } from "@/app/_components/format-money";
import type { CartView } from "@/server/cart/schemas";

/**
 * The cart's lines and the totals as the server priced them. `shipping`: the quoted price of the chosen method, null
 * before one is chosen, "none" when nothing in the cart is posted.
 */
export function OrderSummary({ cart, shipping, shortLines }: { cart: CartView; shipping: number | null | "none"; shortLines?: Record<number, string> }) {
  const total = cart.subtotal + (typeof shipping === "number" ? shipping : 0);
  return (
    <section aria-labelledby="order-summary-heading" className="h-fit rounded-lg bg-stone-50 p-5">
      <h2 id="order-summary-heading" className="text-lg font-semibold">
        Order summary
      </h2>
      <ul className="mt-4 divide-y divide-stone-200">
        {cart.lines.map((line) => (
          <li key={line.variantId} className="flex gap-3 py-3 text-sm">
            <div className="relative size-14 shrink-0 overflow-hidden rounded bg-stone-200">
              {line.imageUrl && <Image src={line.imageUrl} alt="" fill unoptimized sizes="56px" className="object-cover" />}
            </div>
            <div className="min-w-0 flex-1">
              <p className="font-medium">{line.productTitle}</p>
              <p className="text-stone-600">
                {line.variantTitle !== "Default" && `${line.variantTitle} · `}Qty {line.quantity}
              </p>
              {shortLines?.[line.variantId] && <p className="mt-1 font-medium text-red-700">{shortLines[line.variantId]}</p>}
            </div>
            <p className="shrink-0 font-medium">{formatMoney(line.lineAmount, line.currency)}</p>
          </li>
        ))}
      </ul>
      <dl className="mt-4 space-y-2 border-t border-stone-200 pt-4 text-sm">
        <div className="flex justify-between">
          <dt>Subtotal</dt>
          <dd>{formatMoney(cart.subtotal, cart.currency)}</dd>
        </div>
        <div className="flex justify-between">
          <dt>Shipping</dt>
          <dd>{shipping === "none" ? "Not needed" : shipping === null ? "Chosen below" : shipping === 0 ? "Free" : formatMoney(shipping, cart.currency)}</dd>
        </div>
        <div className="flex justify-between border-t border-stone-200 pt-2 text-base font-semibold">
          <dt>Total</dt>
          <dd data-testid="order-total">{formatMoney(total, cart.currency)}</dd>
        </div>
      </dl>
    </section>
  );
}
