import type { ReactNode } from "react";
import type { AdminOrderView } from "@/server/orders/admin-get-order";
import { Panel } from "./panel";

const timeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "short", timeStyle: "medium" });
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The order's stock reservations and its rows in the stock ledger, so every change of on-hand and reserved is explained. */
export function StockTables({ reservations, movements }: { reservations: AdminOrderView["reservations"]; movements: AdminOrderView["stockMovements"] }) {
  return (
    <>
      <Table title="Stock reservations" empty="No stock was reserved for this order." headings={["SKU", "Warehouse", "Quantity", "Status", "Expires"]}>
        {reservations.map((r) => (
          <tr key={r.id} className="border-b border-stone-100">
            <td className="px-2 py-1.5 font-mono text-xs">{r.sku}</td>
            <td className="px-2 py-1.5">{r.warehouse}</td>
            <td className="px-2 py-1.5 tabular-nums">{r.quantity}</td>
            <td className="px-2 py-1.5">{r.status}</td>
            <td className="px-2 py-1.5">
              <time dateTime={r.expiresAt.toISOString()}>{timeFormat.format(r.expiresAt)}</time>
            </td>
          </tr>
        ))}
      </Table>
      <Table title="Stock movements" empty="No stock movements for this order." headings={["SKU", "Warehouse", "On hand", "Reserved", "Reason", "When"]}>
        {movements.map((m) => (
          <tr key={m.id} className="border-b border-stone-100">
            <td className="px-2 py-1.5 font-mono text-xs">{m.sku}</td>
            <td className="px-2 py-1.5">{m.warehouse}</td>
            <td className="px-2 py-1.5 tabular-nums">{signed(m.onHandDelta)}</td>
            <td className="px-2 py-1.5 tabular-nums">{signed(m.reservedDelta)}</td>
            <td className="px-2 py-1.5">{m.reason}</td>
            <td className="px-2 py-1.5">
              <time dateTime={m.createdAt.toISOString()}>{timeFormat.format(m.createdAt)}</time>
            </td>
          </tr>
        ))}
      </Table>
    </>
  );
}

function Table({ title, empty, headings, children }: { title: string; empty: string; headings: string[]; children: ReactNode[] }) {
  return (
    <Panel title={title}>
      {children.length === 0 ? (
        <p className="text-sm text-stone-600">{empty}</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-stone-300 text-xs uppercase tracking-wide text-stone-500">
              <tr>
                {headings.map((h) => (
                  <th key={h} scope="col" className="px-2 py-1.5 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{children}</tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
