import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { NotFoundMessage } from "./_components/not-found-message";
import { SearchBox } from "./_components/search-box";

export const metadata: Metadata = { title: "Page not found" };

/** For URLs no route matches; prerendered, so it reads no data (the storefront's own 404s render inside its layout). */
export default function NotFound() {
  return (
    <>
      <header className="border-b border-stone-200">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-4 py-3 sm:px-6">
          <Link href="/" className="text-xl font-bold tracking-tight text-brand-800">
            Emporium
          </Link>
          <Suspense>
            <SearchBox className="max-w-xl flex-1" />
          </Suspense>
        </div>
      </header>
      <main id="main" className="flex-1">
        <NotFoundMessage title="Page not found" text="There is no page at this address. Try a search, or start from the home page." />
      </main>
    </>
  );
}
