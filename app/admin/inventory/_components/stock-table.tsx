import type { ReactNode } from "react";

export const cell = "px-2 py-2";

/** A table that scrolls inside its card on a narrow screen, under a row of column headings. */
export function StockTable({ headings, minWidth, children }: { headings: string[]; minWidth: string; children: ReactNode }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-stone-200">
      <table className="w-full text-left text-sm" style={{ minWidth }}>
        <thead className="border-b border-stone-300 text-xs uppercase tracking-wide text-stone-500">
          <tr>
            {headings.map((h) => (
              <th key={h} scope="col" className={`${cell} font-medium`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
