import { ProductGridSkeleton } from "./product-grid";

/** The shape of ProductListing while its data loads. */
export function ListingSkeleton() {
  return (
    <div className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6" aria-busy="true">
      <p className="sr-only" role="status">
        Loading products…
      </p>
      <div className="mb-6 flex animate-pulse flex-col gap-2">
        <div className="h-4 w-40 rounded bg-stone-200" />
        <div className="h-8 w-64 rounded bg-stone-200" />
        <div className="h-4 w-24 rounded bg-stone-200" />
      </div>
      <div className="grid gap-6 lg:grid-cols-[15rem_1fr] lg:gap-10">
        <div className="hidden animate-pulse flex-col gap-3 lg:flex">
          {Array.from({ length: 8 }, (_, i) => (
            <div key={i} className="h-4 rounded bg-stone-200" style={{ width: `${50 + ((i * 17) % 45)}%` }} />
          ))}
        </div>
        <div className="h-12 animate-pulse rounded-lg bg-stone-200 lg:hidden" />
        <ProductGridSkeleton count={8} />
      </div>
    </div>
  );
}
