import type { MetadataRoute } from "next";
import { absoluteUrl } from "./(shop)/_lib/site-url";

export const dynamic = "force-dynamic";

/** Crawl the catalogue; keep out of accounts, carts, checkout, payment pages, admin and the API. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/admin", "/account", "/cart", "/checkout", "/orders", "/pay", "/api", "/unsubscribe"] },
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
