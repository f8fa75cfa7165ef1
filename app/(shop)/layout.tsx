import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SiteFooter } from "@/app/_components/site-footer";
import { SiteHeader } from "@/app/_components/site-header";
import { getCategoryTree } from "./_lib/catalog-data";
import { siteOrigin } from "./_lib/site-url";

// Every storefront page renders per request (nothing may be prerendered against a database at build time), except the
// ones that opt into the page cache with `dynamic = "force-static"`, where connection() returns at once: product pages
// and a category's plain first page (app/(shop)/_lib/page-cache.ts), rendered on their first request.

// Not at build time: canonical, Open Graph and Twitter URLs name the host NEXTAUTH_URL gives.
export async function generateMetadata(): Promise<Metadata> {
  await connection();
  return { metadataBase: siteOrigin() };
}

export default async function ShopLayout({ children }: { children: ReactNode }) {
  await connection();
  // Nothing per shopper here: the product and category pages below are cached whole (app/(shop)/_lib/page-cache.ts).
  const categories = await getCategoryTree();
  return (
    <>
      <SiteHeader categories={categories} />
      <main id="main" className="flex-1">
        {children}
      </main>
      <SiteFooter categories={categories} />
    </>
  );
}
