"use client";
import Form from "next/form";
import { usePathname, useSearchParams } from "next/navigation";

export function SearchBox({ className }: { className?: string }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const q = pathname === "/search" ? (searchParams.get("q") ?? "") : "";
  return (
    <Form action="/search" role="search" className={`flex w-full ${className ?? ""}`}>
      <label htmlFor="site-search" className="sr-only">
        Search products
      </label>
      {/* Keyed by the query so the field follows the URL when it changes elsewhere. */}
      <input
        key={q}
        id="site-search"
        type="search"
        name="q"
        defaultValue={q}
        placeholder="Search products"
        autoComplete="off"
        className="min-w-0 flex-1 rounded-l-md border border-r-0 border-stone-300 bg-white px-3 py-2 text-sm placeholder:text-stone-500"
      />
      <button type="submit" className="rounded-r-md bg-stone-900 px-4 py-2 text-sm font-medium text-white hover:bg-stone-700">
        Search
      </button>
    </Form>
  );
}
