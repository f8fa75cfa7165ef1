import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/app/_components/site-footer";
import { SiteHeader } from "@/app/_components/site-header";
import { currentUser } from "@/server/auth/session";
import { getCategoryTree } from "./_lib/catalog-data";
import { siteOrigin } from "./_lib/site-url";

// Every storefront page reads the catalogue per request; nothing here may be prerendered against a database at build time.
export const dynamic = "force-dynamic";

// Per request, not at build time: canonical, Open Graph and Twitter URLs name the host NEXTAUTH_URL gives.
export function generateMetadata(): Metadata {
  return { metadataBase: siteOrigin() };
}

export default async function ShopLayout({ children }: { children: ReactNode }) {
  const [categories, user] = await Promise.all([getCategoryTree(), currentUser()]);
  return (
    <>
      <SiteHeader categories={categories} user={user} />
      <main id="main" className="flex-1">
        {children}
      </main>
      <SiteFooter categories={categories} signedIn={user !== null} />
    </>
  );
}
