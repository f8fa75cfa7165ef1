import type { CategoryNode } from "@/server/catalog/schemas";

export interface CategoryOption {
  id: number;
  /** The name indented by depth with non-breaking spaces, since <option> collapses ordinary ones. */
  label: string;
}

/** The category tree in reading order, parents before their children. */
export function categoryOptions(tree: CategoryNode[], depth = 0): CategoryOption[] {
  return tree.flatMap((node) => [
    { id: node.id, label: `${"\u00a0\u00a0\u00a0".repeat(depth)}${node.name}` },
    ...categoryOptions(node.children, depth + 1),
  ]);
}
