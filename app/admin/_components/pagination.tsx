import Link from "next/link";

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  /** The URL of another page, keeping the current filters. */
  hrefFor: (page: number) => string;
  /** What is counted, singular and plural. */
  noun?: [string, string];
}

export function Pagination({ page, pageSize, total, hrefFor, noun = ["product", "products"] }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = "rounded border border-stone-300 px-3 py-1.5 hover:bg-stone-100";
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-4 text-sm">
      <p>
        {total} {total === 1 ? noun[0] : noun[1]} · page {Math.min(page, pages)} of {pages}
      </p>
      <div className="flex gap-2">
        {page > 1 && (
          <Link className={link} href={hrefFor(Math.min(page - 1, pages))} rel="prev">
            Previous
          </Link>
        )}
        {page < pages && (
          <Link className={link} href={hrefFor(page + 1)} rel="next">
            Next
          </Link>
        )}
      </div>
    </nav>
  );
}
