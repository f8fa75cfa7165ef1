import { describe, expect, it } from "vitest";
import type { CategoryNode } from "@/server/catalog/schemas";
import { flattenTree } from "./flatten-tree";

const node = (id: number, children: CategoryNode[] = []): CategoryNode => ({ id, slug: `c${id}`, name: `C${id}`, children });

describe("flattenTree", () => {
  it("lists parents before children with depth, siblings in order, and each subtree (the parents a move must not offer)", () => {
    const rows = flattenTree([node(1, [node(2, [node(3)]), node(4)]), node(5)]);
    expect(rows.map((r) => [r.id, r.depth, r.parentId, r.siblings, r.subtree])).toEqual([
      [1, 0, null, [1, 5], [1, 2, 3, 4]],
      [2, 1, 1, [2, 4], [2, 3]],
      [3, 2, 2, [3], [3]],
      [4, 1, 1, [2, 4], [4]],
      [5, 0, null, [1, 5], [5]],
    ]);
  });
});
