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
    const drawer = (label: string, resultCount: number) =>
      // eslint-disable-next-line react/no-children-prop -- createElement's typing wants children among the props here
      renderToStaticMarkup(createElement(FilterDrawer, { label, resultCount, children: "the filters" }));
    const html = drawer("Filters (2 active)", 1234);
    expect(html).toMatch(/<button[^>]*aria-expanded="false"[^>]*>Filters \(2 active\)/);
    expect(html).toContain("Show 1,234 results");
    expect(html).toMatch(/id="filter-drawer" class="hidden /);
    expect(drawer("Filters", 1)).toContain("Show 1 result<");
  });
});
