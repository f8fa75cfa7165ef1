import Link from "next/link";
import type { CategoryNode } from "@/server/catalog/schemas";
import { FooterAccountLinks } from "./header-user";

export function SiteFooter({ categories }: { categories: CategoryNode[] }) {
  return (
    <footer className="mt-16 border-t border-stone-200 bg-stone-50 text-sm text-stone-600">
      <div className="mx-auto grid max-w-7xl gap-8 px-4 py-10 sm:grid-cols-3 sm:px-6">
        <div>
          <p className="text-base font-bold text-brand-800">Emporium</p>
          <p className="mt-2 max-w-xs">Clothing, home and everyday goods, chosen with care and delivered to your door.</p>
        </div>
        <nav aria-label="Shop">
          <h2 className="mb-2 font-semibold text-stone-900">Shop</h2>
          <ul className="flex flex-col gap-1.5">
            {categories.map((category) => (
              <li key={category.id}>
                <Link href={`/c/${category.slug}`} prefetch={false} className="hover:underline">
                  {category.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <FooterAccountLinks />
      </div>
      <p className="border-t border-stone-200 py-4 text-center text-xs">© {new Date().getFullYear()} Emporium</p>
    </footer>
  );
}
