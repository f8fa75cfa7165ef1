import type { MetadataRoute } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { absoluteUrl } from "@/app/(shop)/_lib/site-url";
import { getCaller } from "@/app/_trpc/server";

export const dynamic = "force-dynamic";

/** One file per 50,000 active products: /sitemaps/products/sitemap/<id>.xml, named by /sitemap.xml. */
export async function generateSitemaps() {
  // `next build` asks for the ids to prerender, with no database to count on; every file is rendered per request anyway.
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return [];
  const files = await (await getCaller()).catalog.sitemapFiles();
  return Array.from({ length: files }, (_, id) => ({ id }));
}

export default async function sitemap({ id }: { id: Promise<string> }): Promise<MetadataRoute.Sitemap> {
  const file = Number(await id);
  const products = await (await getCaller()).catalog.sitemapProducts({ file });
  return products.map((p) => ({ url: absoluteUrl(`/p/${p.slug}`), lastModified: p.updatedAt }));
}
