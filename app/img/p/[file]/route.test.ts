import { describe, expect, it } from "vitest";
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

  it.each(["abc.svg", "42.svg", "0-1.svg", "42-0.svg", "42-1.png", "42-1.svg.js", "..%2F42-1.svg", "-1-1.svg", ""])("answers 404 for %j", async (file) => {
    expect((await fetchImage(file)).status).toBe(404);
  });
});
