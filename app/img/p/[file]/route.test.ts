import { describe, expect, it } from "vitest";
import { planCategories } from "@/db/seed-generate";
import { PRODUCT_SHAPES } from "./product-shapes";
import { GET } from "./route";

const fetchImage = (file: string) => GET(new Request(`http://localhost/img/p/${file}`), { params: Promise.resolve({ file }) });

describe("GET /img/p/[file]", () => {
  it("returns a cacheable SVG for <productId>-<n>.svg", async () => {
    const response = await fetchImage("42-1.svg");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(response.headers.get("cache-control")).toContain("immutable");
    const body = await response.text();
    expect(body).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*viewBox="0 0 800 800"/);
    expect(body.trimEnd().endsWith("</svg>")).toBe(true);
  });

  it("draws the same image for the same name and different images for different names", async () => {
    const [a, again, b, c] = await Promise.all(["42-1.svg", "42-1.svg", "42-2.svg", "43-1.svg"].map(async (file) => (await fetchImage(file)).text()));
    expect(again).toBe(a);
    expect(b).not.toBe(a);
    expect(c).not.toBe(a);
  });

  it("draws what a product of the named category looks like, and a drawing for every seeded leaf category", async () => {
    const names = ["42-1_t-shirts-tops.svg", "42-1_camping-hiking.svg", "43-2_t-shirts-tops.svg", "42-1_no-such-category.svg"] as const;
    const [tee, tent, otherTee, unknown] = (await Promise.all(names.map(async (file) => (await fetchImage(file)).text()))) as [string, string, string, string];
    const drawing = (svg: string) => svg.slice(svg.indexOf('<ellipse cx="400" cy="640"'));
    expect(drawing(tee)).toContain(PRODUCT_SHAPES["t-shirts-tops"]!("url(#obj)"));
    expect(drawing(tent)).toContain(PRODUCT_SHAPES["camping-hiking"]!("url(#obj)"));
    expect(drawing(otherTee)).toContain(PRODUCT_SHAPES["t-shirts-tops"]!("url(#obj)"));
    expect(unknown).toMatch(/^<svg/);
    const leaves = planCategories().filter((c) => c.parentSlug !== null);
    expect(leaves.length).toBeGreaterThan(20);
    expect(leaves.filter((c) => !PRODUCT_SHAPES[c.slug]).map((c) => c.slug)).toEqual([]);
  });

  it.each(["42-1_Shirts.svg", "42-1_.svg", "42-1_a/b.svg", "abc.svg", "42.svg", "0-1.svg", "42-0.svg", "42-1.png", "42-1.svg.js", "..%2F42-1.svg", "-1-1.svg", ""])("answers 404 for %j", async (file) => {
    expect((await fetchImage(file)).status).toBe(404);
  });
});
