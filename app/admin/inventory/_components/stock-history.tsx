import Link from "next/link";
import { cell, StockTable } from "./stock-table";

interface Movement {
  id: number;
  warehouse: string;
  onHandDelta: number;
  reservedDelta: number;
  reason: string;
  note: string | null;
  actorId: string | null;
  actorEmail: string | null;
  orderId: string | null;
  orderNumber: number | null;
  createdAt: Date;
}

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const signed = (n: number) => (n > 0 ? `+${n}` : n === 0 ? "" : String(n));

/** Who did it: the admin, the order the checkout moved stock for, or the system. */
function Who({ m }: { m: Movement }) {
  if (m.orderId) {
    return (
      <Link href={`/admin/orders/${m.orderId}`} className="underline">
        Order {m.orderNumber ?? ""}
      </Link>
    );
  }
  return <>{m.actorEmail ?? m.actorId ?? "System"}</>;
}

/** A variant's stock ledger, newest first. */
export function StockHistory({ items, olderHref }: { items: Movement[]; olderHref: string | null }) {
  return (
    <section aria-labelledby="history-heading" className="flex flex-col gap-2">
      <h2 id="history-heading" className="text-lg font-semibold">
        History
      </h2>
      <StockTable headings={["When (UTC)", "Warehouse", "On hand", "Reserved", "Why", "Who"]} minWidth="44rem">
        {items.map((m) => (
          <tr key={m.id} className="border-b border-stone-100 align-top">
            <td className={cell}>
              <time dateTime={m.createdAt.toISOString()}>{when.format(m.createdAt)}</time>
            </td>
            <td className={cell}>{m.warehouse}</td>
            <td className={`${cell} tabular-nums`}>{signed(m.onHandDelta)}</td>
            <td className={`${cell} tabular-nums`}>{signed(m.reservedDelta)}</td>
            <td className={cell}>
              {m.reason}
              {m.note && <span className="block text-xs text-stone-600">{m.note}</span>}
            </td>
            <td className={cell}>
              <Who m={m} />
            </td>
          </tr>
        ))}
      </StockTable>
      {olderHref && (
        <Link href={olderHref} className="self-start text-sm underline">
          Older movements
        </Link>
      )}
    </section>
  );
}
