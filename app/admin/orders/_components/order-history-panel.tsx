import type { AdminOrderView } from "@/server/orders/admin-get-order";
import { orderHistory } from "../_lib/order-history";
import { AdminTime } from "./admin-time";
import { Panel } from "./panel";

/** What happened to the order, in words, with when and who. */
export function OrderHistoryPanel({ order }: { order: AdminOrderView }) {
  return (
    <Panel title="What happened">
      <ol className="flex flex-col gap-3 text-sm">
        {orderHistory(order).map((entry) => (
          <li key={entry.key} className="flex flex-col">
            <span className="font-medium">{entry.what}</span>
            <span className="text-xs text-stone-500">
              <AdminTime at={entry.at} />
              {entry.by && <> · {entry.by}</>}
            </span>
            {entry.detail && <span className="break-words text-stone-600">{entry.detail}</span>}
          </li>
        ))}
      </ol>
    </Panel>
  );
}
