import Link from "next/link";
import { pageSpan } from "./page-numbers";

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
}

/** "25–48 of 92" and numbered page links, with previous and next (styled by page-links in globals.css). */
export function Pagination({ page, pageSize, total, hrefFor }: PaginationProps) {
  const { last, range, numbers } = pageSpan(page, pageSize, total);
  return (
    <nav aria-label="Pagination" className="mt-10 flex flex-col items-center gap-3">
      <p className="text-sm text-stone-600">{range}</p>
      {last > 1 && (
        <ul className="page-links flex flex-wrap items-center justify-center gap-1.5">
          {page > 1 && (
            <li>
              <Link href={hrefFor(Math.min(page - 1, last))}>
                <span aria-hidden>←</span>
                <span className="sr-only sm:not-sr-only sm:ml-1">Previous</span>
              </Link>
            </li>
          )}
          {numbers.map((n, i) =>
            n === null ? (
              <li key={`gap-${i}`} aria-hidden className="px-1 text-stone-500">
                …
              </li>
            ) : (
              <li key={n}>
                <Link href={hrefFor(n)} aria-current={n === page ? "page" : undefined} aria-label={`Page ${n}`}>
                  {n}
                </Link>
              </li>
            ),
          )}
          {page < last && (
            <li>
              <Link href={hrefFor(page + 1)}>
                <span className="sr-only sm:not-sr-only sm:mr-1">Next</span>
                <span aria-hidden>→</span>
              </Link>
            </li>
          )}
        </ul>
      )}
    </nav>
  );
}
