import { describe, expect, it } from "vitest";
import { PAGE_CACHE_TOKEN_HEADER, pageCacheToken, tagsFor } from "@/app/(shop)/_lib/page-cache";
import { POST } from "./route";

const post = (body: string, token?: string) =>
  POST(new Request("http://127.0.0.1:3000/api/page-cache", { method: "POST", body, headers: token ? { [PAGE_CACHE_TOKEN_HEADER]: token } : {} }));

describe("POST /api/page-cache", () => {
  it("refuses anyone without this process's token: 403, whatever the body", async () => {
    expect((await post(JSON.stringify({ tags: ["catalog"] }))).status).toBe(403);
    expect((await post(JSON.stringify({ tags: ["catalog"] }), "0".repeat(64))).status).toBe(403);
  });

  it("answers 400 for a body that is not a list of tags, 413 for a huge one", async () => {
    expect((await post("not json", pageCacheToken())).status).toBe(400);
    expect((await post(JSON.stringify({ tags: [] }), pageCacheToken())).status).toBe(400);
    expect((await post(JSON.stringify({ tags: ["x".repeat(257)] }), pageCacheToken())).status).toBe(400);
    expect((await post("x".repeat(70_000), pageCacheToken())).status).toBe(413);
  });
});

describe("tagsFor", () => {
  it("names each product page and category listing once, or expires everything", () => {
    expect(tagsFor({ all: false, productSlugs: ["a", "a"], categorySlugs: ["shirts", "clothing"] })).toEqual(["product:a", "listing:shirts", "listing:clothing"]);
    expect(tagsFor({ all: true })).toEqual(["catalog"]);
    const many = Array.from({ length: 501 }, (_, i) => `p-${i}`);
    expect(tagsFor({ all: false, productSlugs: many, categorySlugs: [] })).toEqual(["catalog"]);
  });
});
