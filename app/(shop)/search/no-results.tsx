import Link from "next/link";
import type { CategoryNode } from "@/server/catalog/schemas";

/** Nothing matched the words at all: say so, offer the top categories and ways back. */
export function NoResults({ q, categories }: { q: string; categories: CategoryNode[] }) {
  return (
    <div className="flex flex-col items-center gap-4 rounded-lg border border-dashed border-stone-300 px-6 py-12 text-center">
      <h2 className="text-lg font-medium">Nothing matches “{q}”</h2>
      <p className="text-sm text-stone-600">Check the spelling, try fewer or more general words, or browse a category.</p>
      {categories.length > 0 && (
        <nav aria-label="Shop by category">
          <ul className="flex flex-wrap justify-center gap-2">
            {categories.map((c) => (
              <li key={c.slug}>
                <Link href={`/c/${c.slug}`} className="inline-block rounded-full border border-stone-300 px-3 py-1 text-sm hover:border-stone-500">
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <p className="flex gap-4 text-sm">
        <Link href="/search" className="font-medium text-brand-700 underline">
          See all products
        </Link>
        <Link href="/" className="font-medium text-brand-700 underline">
          Back to the home page
        </Link>
      </p>
    </div>
  );
}

/** The typed words matched nothing and the results are for their correction. */
export function DidYouMean({ q, corrected }: { q: string; corrected: string }) {
  return (
    <p role="status" className="mb-4 text-sm text-stone-700">
      No products match “{q}”. Showing results for <strong>“{corrected}”</strong>.
    </p>
  );
}
