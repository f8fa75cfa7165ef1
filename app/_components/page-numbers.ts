import { MAX_LISTING_OFFSET } from "@/server/catalog/schemas";

export interface PageSpan {
  /** The last page a shopper can open: numbered pages stop at the search engine's deepest result. */
  last: number;
  /** "25–48 of 92"; "0 of 0" when nothing matched. */
  range: string;
  /** The page numbers to link, with null where a run of pages is left out. */
  numbers: (number | null)[];
}

const format = (n: number) => n.toLocaleString("en-US");

/** Which page links a listing of `total` products shows on `page`: the first, the last, and the neighbours of the current one. */
export function pageSpan(page: number, pageSize: number, total: number): PageSpan {
  const reachable = Math.min(total, MAX_LISTING_OFFSET);
  const last = Math.max(1, Math.ceil(reachable / pageSize));
  const first = (page - 1) * pageSize + 1;
  const range = first > total ? `0 of ${format(total)}` : `${format(first)}–${format(Math.min(page * pageSize, total))} of ${format(total)}`;

  const shown = new Set([1, last, page - 1, page, page + 1].filter((n) => n >= 1 && n <= last));
  const sorted = [...shown].sort((a, b) => a - b);
  const numbers: (number | null)[] = [];
  for (const n of sorted) {
    const previous = numbers.at(-1);
    // A gap of exactly one page shows that page instead of "…".
    if (typeof previous === "number" && n - previous === 2) numbers.push(n - 1);
    else if (typeof previous === "number" && n - previous > 2) numbers.push(null);
    numbers.push(n);
  }
  return { last, range, numbers };
}
