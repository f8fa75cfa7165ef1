import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FacetGroup } from "./facet-group";
import { FilterDrawer } from "./filter-drawer";

const values = (n: number) => Array.from({ length: n }, (_, i) => ({ value: `Brand ${i + 1}`, count: i + 1 }));
const render = (n: number, selected: string[] = []) => renderToStaticMarkup(createElement(FacetGroup, { legend: "Brand", idPrefix: "brand", name: "brand", values: values(n), selected }));
const checkboxes = (html: string) => html.match(/type="checkbox"/g)?.length ?? 0;
const beforeDetails = (html: string) => html.split("<details")[0] ?? "";

describe("filter lists", () => {
  it("shows ten values and folds the rest under Show more, closed", () => {
    const html = render(12);
    expect(checkboxes(html)).toBe(12);
    expect(checkboxes(beforeDetails(html))).toBe(10);
    expect(html).toContain("Show 2 more");
    expect(html).toMatch(/<details class="[^"]*">/);
    expect(html).not.toMatch(/<details[^>]*open/);
  });

  it("opens Show more when a folded value is ticked", () => {
    expect(render(12, ["Brand 11"])).toMatch(/<details[^>]*open/);
    expect(render(12, ["Brand 2"])).not.toMatch(/<details[^>]*open/);
  });

  it("has no Show more for ten values or fewer", () => {
    const html = render(10);
    expect(checkboxes(html)).toBe(10);
    expect(html).not.toContain("<details");
  });
});

describe("the phone filter drawer", () => {
  it("starts closed behind a Filters button and ends in Show N results", () => {
    const html = renderToStaticMarkup(createElement(FilterDrawer, { label: "Filters (2 active)", resultCount: 1234, children: "the filters" }));
    expect(html).toMatch(/<button[^>]*aria-expanded="false"[^>]*>Filters \(2 active\)/);
    expect(html).toContain("Show 1,234 results");
    expect(html).toMatch(/id="filter-drawer" class="hidden /);
    expect(renderToStaticMarkup(createElement(FilterDrawer, { label: "Filters", resultCount: 1, children: "x" }))).toContain("Show 1 result<");
  });
});
