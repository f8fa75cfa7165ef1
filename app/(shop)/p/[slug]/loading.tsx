export default function Loading() {
  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6" aria-busy="true">
      <p className="sr-only" role="status">
        Loading product…
      </p>
      <div className="mb-4 h-4 w-64 animate-pulse rounded bg-stone-200" />
      <div className="grid animate-pulse gap-8 md:grid-cols-2 md:gap-12">
        <div className="aspect-square rounded-xl bg-stone-200" />
        <div className="flex flex-col gap-4">
          <div className="h-4 w-24 rounded bg-stone-200" />
          <div className="h-8 w-3/4 rounded bg-stone-200" />
          <div className="h-8 w-32 rounded bg-stone-200" />
          <div className="h-10 w-full rounded bg-stone-200" />
          <div className="h-24 w-full rounded bg-stone-200" />
        </div>
      </div>
    </div>
  );
}
