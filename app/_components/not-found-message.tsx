import Link from "next/link";

export function NotFoundMessage({ title, text }: { title: string; text: string }) {
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center gap-4 px-4 py-24 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="text-3xl font-semibold tracking-tight">{title}</h1>
      <p className="text-stone-600">{text}</p>
      <div className="flex flex-wrap justify-center gap-3">
        <Link href="/" className="rounded-md bg-stone-900 px-4 py-2 text-sm font-medium text-white hover:bg-stone-700">
          Back to the shop
        </Link>
        <Link href="/search" className="rounded-md border border-stone-300 px-4 py-2 text-sm font-medium hover:bg-stone-50">
          Browse all products
        </Link>
      </div>
    </div>
  );
}
