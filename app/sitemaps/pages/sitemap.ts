import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/app/(shop)/_lib/site-url";
import { getCaller } from "@/app/_trpc/server";
import type { CategoryNode } from "@/server/catalog/schemas";

export const dynamic = "force-dynamic";

const flatten = (nodes: CategoryNode[]): CategoryNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

/** The home page, all products and every category page. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const tree = await (await getCaller()).catalog.categoryTree();
  return [absoluteUrl("/"), absoluteUrl("/search"), ...flatten(tree).map((c) => absoluteUrl(`/c/${c.slug}`))].map((url) => ({ url }));
}
