import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";
import { visibleProduct } from "./product-filters";
import type { SitemapFileInput } from "./sitemap-schemas";

/** The most URLs one sitemap file may hold (sitemaps.org). */
export const SITEMAP_FILE_SIZE = 50_000;

/** How many product sitemap files the shop's visible (active, priced) products fill; at least one. */
export async function countSitemapFiles(ctx: ServiceContext, fileSize = SITEMAP_FILE_SIZE): Promise<number> {
  const [row] = await ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from products p where ${visibleProduct}`);
  return Math.max(1, Math.ceil((row?.n ?? 0) / fileSize));
}

export interface SitemapProduct {
  slug: string;
  updatedAt: Date;
}

/** One file's share of the visible products, in id order, so every product lands in exactly one file. */
export async function listSitemapProducts(ctx: ServiceContext, input: SitemapFileInput, fileSize = SITEMAP_FILE_SIZE): Promise<SitemapProduct[]> {
  const rows = await ctx.db.execute<{ slug: string; updatedAt: string }>(sql`
    select p.slug, p.updated_at as "updatedAt" from products p where ${visibleProduct}
    order by p.id limit ${fileSize} offset ${input.file * fileSize}`);
  return rows.map((r) => ({ slug: r.slug, updatedAt: new Date(r.updatedAt) }));
}
