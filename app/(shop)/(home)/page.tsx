import type { Metadata } from "next";
import Link from "next/link";
import { ProductGrid } from "@/app/_components/product-grid";
import { getCaller } from "@/app/_trpc/server";
import { getCategoryTree } from "../_lib/catalog-data";

export const metadata: Metadata = { title: { absolute: "Emporium · Clothing, home and everyday goods" } };

const TILE_COLOURS = ["bg-brand-100", "bg-amber-100", "bg-sky-100", "bg-rose-100", "bg-violet-100", "bg-lime-100"];

export default async function HomePage() {
  const caller = await getCaller();
  const [categories, arrivals] = await Promise.all([getCategoryTree(), caller.catalog.listProducts({ sort: "newest", limit: 8 })]);

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-14 px-4 py-8 sm:px-6">
      <section className="rounded-2xl bg-brand-50 px-6 py-12 sm:px-12 sm:py-16">
        <h1 className="max-w-xl text-3xl font-bold tracking-tight text-stone-900 sm:text-5xl">Everyday goods, well made.</h1>
        <p className="mt-4 max-w-lg text-stone-700">Clothing, homeware and the small things that make a day better, from brands we trust.</p>
        <Link href="/search" prefetch={false} className="mt-8 inline-block rounded-md bg-stone-900 px-5 py-3 text-sm font-medium text-white hover:bg-stone-700">
          Browse everything
        </Link>
      </section>

      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading" className="mb-5 text-2xl font-semibold tracking-tight">
          Shop by category
        </h2>
        <ul className="grid grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-4">
          {categories.map((category, i) => (
            <li key={category.id} className={`relative flex min-h-36 flex-col justify-end rounded-xl p-5 ${TILE_COLOURS[i % TILE_COLOURS.length]}`}>
              <h3 className="text-lg font-semibold">
                <Link href={`/c/${category.slug}`} prefetch={false} className="after:absolute after:inset-0 after:rounded-xl hover:underline">
                  {category.name}
                </Link>
              </h3>
              {category.children.length > 0 && (
                <p className="mt-1 line-clamp-2 text-sm text-stone-600">{category.children.map((child) => child.name).join(" · ")}</p>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="arrivals-heading">
        <div className="mb-5 flex items-baseline justify-between gap-4">
          <h2 id="arrivals-heading" className="text-2xl font-semibold tracking-tight">
            New arrivals
          </h2>
          <Link href="/search?sort=newest" prefetch={false} className="text-sm font-medium text-brand-700 hover:underline">
            See all
          </Link>
        </div>
        {arrivals.items.length > 0 ? (
          // Below the hero and the category tiles, out of the first screen on a phone and on a laptop alike.
          <ProductGrid products={arrivals.items} label="New arrivals" firstRowEager={false} />
        ) : (
          <p className="text-stone-600">New products are on their way.</p>
        )}
      </section>
    </div>
  );
}
