import Link from "next/link";

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
const cell = "px-2 py-2";

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
      <div className="overflow-x-auto rounded-lg border border-stone-200">
        <table className="w-full min-w-[44rem] text-left text-sm">
          <thead className="border-b border-stone-300 text-xs uppercase tracking-wide text-stone-500">
            <tr>
              {["When (UTC)", "Warehouse", "On hand", "Reserved", "Why", "Who"].map((h) => (
                <th key={h} scope="col" className={`${cell} font-medium`}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      </div>
      {olderHref && (
        <Link href={olderHref} className="self-start text-sm underline">
          Older movements
        </Link>
      )}
    </section>
  );
}
