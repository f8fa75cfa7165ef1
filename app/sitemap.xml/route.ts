import { absoluteUrl } from "@/app/(shop)/_lib/site-url";
import { getCaller } from "@/app/_trpc/server";
import { sitemapIndexXml } from "./sitemap-index";

export const dynamic = "force-dynamic";

/** /sitemap.xml: the index of the pages sitemap and every product sitemap file (at most 50,000 products each). */
export async function GET(): Promise<Response> {
  const files = await (await getCaller()).catalog.sitemapFiles();
  const locations = [absoluteUrl("/sitemaps/pages/sitemap.xml"), ...Array.from({ length: files }, (_, id) => absoluteUrl(`/sitemaps/products/sitemap/${id}.xml`))];
  return new Response(sitemapIndexXml(locations), { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
