import Link from "next/link";
import type { CategoryNode } from "@/server/catalog/schemas";
import { HeaderUser } from "./header-user";
import { SearchBox } from "./search-box";

/**
 * The same for every shopper (the pages it heads are cached); who is signed in shows in HeaderUser, from the browser.
 * The shell's links (header, footer, home page) do not prefetch: each one in view fetched its page's RSC payload while
 * the page was still loading, server and main-thread work inside the blocking-time window on a slow phone.
 */
export function SiteHeader({ categories }: { categories: CategoryNode[] }) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <div className="mx-auto grid max-w-7xl grid-cols-[auto_1fr] items-center gap-x-4 gap-y-3 px-4 py-3 sm:px-6 md:grid-cols-[auto_1fr_auto]">
        <Link href="/" prefetch={false} className="text-xl leading-8 font-bold tracking-tight text-brand-800">
          Emporium
        </Link>
        <SearchBox className="col-span-2 row-start-2 md:col-span-1 md:row-start-1 md:col-start-2 md:max-w-xl md:justify-self-start" />
        <HeaderUser />
      </div>
      {categories.length > 0 && (
        <nav aria-label="Categories" className="border-t border-stone-100">
          <ul className="mx-auto flex max-w-7xl gap-1 overflow-x-auto px-2 text-sm sm:px-4">
            {categories.map((category) => (
              <li key={category.id} className="shrink-0">
                <Link href={`/c/${category.slug}`} prefetch={false} className="block rounded px-3 py-2.5 font-medium text-stone-700 hover:bg-stone-100 hover:text-stone-900">
                  {category.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
