import { formatMoney } from "@/app/_components/format-money";
import type { AdminOrderView } from "@/server/orders/admin-get-order";
import { FieldError, inputClass } from "../../_components/field";
import { invalidProps, type FieldErrors } from "../../_lib/form-errors";
import { LineThumbnail } from "@/app/_components/line-thumbnail";

export type RefundableLine = Pick<AdminOrderView["lines"][number], "id" | "productTitle" | "variantTitle" | "imageUrl" | "imageAlt" | "unitAmount" | "quantity" | "refundedQuantity">;
export interface LineChoice {
  quantity: string;
  restock: boolean;
}

/** One row per line still refundable: how many units to refund, and whether they go back to stock. */
export function RefundLineRows(props: { lines: RefundableLine[]; currency: string; choices: Record<number, LineChoice>; errors: FieldErrors; onChange: (id: number, choice: LineChoice) => void }) {
  const { lines, currency, choices, errors, onChange } = props;
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Lines to refund</caption>
        <thead className="border-b border-stone-300 text-xs uppercase tracking-wide text-stone-500">
          <tr>
            <th scope="col" className="px-2 py-2 font-medium">Item</th>
            <th scope="col" className="px-2 py-2 font-medium">Refund</th>
            <th scope="col" className="px-2 py-2 font-medium">Back in stock</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const left = line.quantity - line.refundedQuantity;
            const choice = choices[line.id] ?? { quantity: "0", restock: true };
            const path = `lines.${line.id}`;
            const name = `${line.productTitle} (${line.variantTitle})`;
            return (
              <tr key={line.id} className="border-b border-stone-100 align-top">
                <td className="px-2 py-2">
                  <div className="flex items-center gap-2">
                    <LineThumbnail url={line.imageUrl} alt={line.imageAlt} />
                    <span>
                      <span className="font-medium">{line.productTitle}</span> <span className="text-stone-600">{line.variantTitle}</span>
                      <span className="block text-xs text-stone-500">
                        {formatMoney(line.unitAmount, currency)} each · {left === 0 ? "all refunded" : `${left} of ${line.quantity} refundable`}
                      </span>
                    </span>
                  </div>
                </td>
                <td className="px-2 py-2">
                  <input
                    {...invalidProps(path, errors)}
                    aria-label={`Units of ${name} to refund`}
                    type="number"
                    min={0}
                    max={left}
                    disabled={left === 0}
                    className={`${inputClass} w-20`}
                    value={choice.quantity}
                    onChange={(e) => onChange(line.id, { ...choice, quantity: e.target.value })}
                  />
                  <FieldError path={path} errors={errors} />
                </td>
                <td className="px-2 py-2">
                  <input
                    type="checkbox"
                    aria-label={`Put refunded units of ${name} back in stock`}
                    disabled={left === 0}
                    checked={choice.restock}
                    onChange={(e) => onChange(line.id, { ...choice, restock: e.target.checked })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
