import Link from "next/link";

/** Cursor paging: the API only goes forward, so the way back is to the first page. */
export function Pagination({ nextHref, firstHref }: { nextHref: string | null; firstHref: string | null }) {
  if (!nextHref && !firstHref) return null;
  const button = "rounded-md border border-stone-300 px-4 py-2 text-sm font-medium hover:bg-stone-50";
  return (
    <nav aria-label="Pagination" className="mt-10 flex items-center justify-between gap-4">
      {firstHref ? (
        <Link href={firstHref} className={button}>
          <span aria-hidden>←</span> First page
        </Link>
      ) : (
        <span />
      )}
      {nextHref && (
        <Link href={nextHref} className={button}>
          Next page <span aria-hidden>→</span>
        </Link>
      )}
    </nav>
  );
}
