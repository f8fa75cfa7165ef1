import type { Compared } from "@/server/admin/get-sales-figures";

/** "+12%" against the previous period; "new" when there was nothing before. Up is good unless `upIsBad`. */
export function Change({ value, upIsBad = false }: { value: Compared; upIsBad?: boolean }) {
  const { current, previous } = value;
  if (current === previous) return <span className="text-xs text-stone-500">no change</span>;
  if (previous === 0) return <span className="text-xs text-stone-500">none before</span>;
  const percent = Math.round(((current - previous) / previous) * 100);
  const good = current > previous !== upIsBad;
  return (
    <span className={`text-xs font-medium ${good ? "text-emerald-700" : "text-red-700"}`} title={`previous period: ${previous}`}>
      {percent > 0 ? "+" : ""}
      {percent}%
    </span>
  );
}
