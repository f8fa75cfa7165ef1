import Link from "next/link";
import type { CategoryNode } from "@/server/catalog/schemas";
import type { SessionUser } from "@/server/users/schemas";
import { HeaderCart } from "./header-cart";
import { SearchBox } from "./search-box";
import { SignOutButton } from "./sign-out-button";

export function SiteHeader({ categories, user }: { categories: CategoryNode[]; user: SessionUser | null }) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <div className="mx-auto grid max-w-7xl grid-cols-[auto_1fr] items-center gap-x-4 gap-y-3 px-4 py-3 sm:px-6 md:grid-cols-[auto_1fr_auto]">
        <Link href="/" className="text-xl font-bold tracking-tight text-brand-800">
          Emporium
        </Link>
        <SearchBox className="col-span-2 row-start-2 md:col-span-1 md:row-start-1 md:col-start-2 md:max-w-xl md:justify-self-center" />
        <div className="flex items-center gap-1 justify-self-end">
          <AccountArea user={user} />
          <HeaderCart userId={user?.id ?? null} />
        </div>
      </div>
      {categories.length > 0 && (
        <nav aria-label="Categories" className="border-t border-stone-100">
          <ul className="mx-auto flex max-w-7xl gap-1 overflow-x-auto px-2 text-sm sm:px-4">
            {categories.map((category) => (
              <li key={category.id} className="shrink-0">
                <Link href={`/c/${category.slug}`} className="block rounded px-3 py-2.5 font-medium text-stone-700 hover:bg-stone-100 hover:text-stone-900">
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

function AccountArea({ user }: { user: SessionUser | null }) {
  if (!user) {
    return (
      <Link href="/sign-in" className="rounded-md px-3 py-1.5 text-sm font-medium text-stone-700 hover:bg-stone-100">
        Sign in
      </Link>
    );
  }
  return (
    <div className="flex items-center gap-1 text-sm">
      <span className="hidden max-w-40 truncate px-2 text-stone-600 sm:inline">{user.name ?? user.email}</span>
      <Link href="/orders" className="rounded-md px-3 py-1.5 font-medium text-stone-700 hover:bg-stone-100">Orders</Link>
      <Link href="/account" className="rounded-md px-3 py-1.5 font-medium text-stone-700 hover:bg-stone-100">Account</Link>
      {user.role !== "shopper" && (
        <Link href="/admin" className="rounded-md px-3 py-1.5 font-medium text-stone-700 hover:bg-stone-100">
          Admin
        </Link>
      )}
      <SignOutButton />
    </div>
  );
}
