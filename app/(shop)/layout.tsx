import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/app/_components/site-footer";
import { SiteHeader } from "@/app/_components/site-header";
import { getCategoryTree } from "./_lib/catalog-data";
import { siteOrigin } from "./_lib/site-url";

// Per request, not at build time: canonical, Open Graph and Twitter URLs name the host NEXTAUTH_URL gives.
export function generateMetadata(): Metadata {
  return { metadataBase: siteOrigin() };
}

export default async function ShopLayout({ children }: { children: ReactNode }) {
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
