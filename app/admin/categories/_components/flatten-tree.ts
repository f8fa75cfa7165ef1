import type { CategoryNode } from "@/server/catalog/schemas";

export interface FlatCategory {
  id: number;
  name: string;
  slug: string;
  depth: number;
  parentId: number | null;
  /** Its siblings' ids in order (itself included), what a reorder sends. */
  siblings: number[];
  /** Itself and every descendant: the parents it cannot move under. */
  subtree: number[];
}

/** The tree in reading order, parents before their children. */
export function flattenTree(nodes: CategoryNode[], depth = 0, parentId: number | null = null): FlatCategory[] {
  const siblings = nodes.map((n) => n.id);
  return nodes.flatMap((node) => {
    const children = flattenTree(node.children, depth + 1, node.id);
    const row = { id: node.id, name: node.name, slug: node.slug, depth, parentId, siblings, subtree: [node.id, ...children.map((c) => c.id)] };
    return [row, ...children];
  });
}
