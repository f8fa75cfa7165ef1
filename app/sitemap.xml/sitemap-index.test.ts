import { describe, expect, it } from "vitest";
import { sitemapIndexXml } from "./sitemap-index";

describe("sitemap index", () => {
  it("names each sitemap file, escaped", () => {
    const xml = sitemapIndexXml(["https://shop.example/sitemaps/pages/sitemap.xml", "https://shop.example/a?b=1&c=2"]);
    expect(xml).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml.match(/<sitemap>/g)).toHaveLength(2);
    expect(xml).toContain("<loc>https://shop.example/a?b=1&amp;c=2</loc>");
  });
});
