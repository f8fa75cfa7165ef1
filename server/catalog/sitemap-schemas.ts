import { z } from "zod";

/** A product sitemap file's number, from 0; 200 files of 50,000 hold 10 million products. */
export const SitemapFileInput = z.strictObject({ file: z.int().min(0).max(199) });
export type SitemapFileInput = z.input<typeof SitemapFileInput>;
