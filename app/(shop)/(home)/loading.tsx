import { ProductGridSkeleton } from "@/app/_components/product-grid";

export default function Loading() {
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-10 px-4 py-8 sm:px-6" aria-busy="true">
      <p className="sr-only" role="status">
        Loading…
      </p>
      <div className="h-56 animate-pulse rounded-2xl bg-stone-100" />
      <ProductGridSkeleton count={8} />
    </div>
  );
}
