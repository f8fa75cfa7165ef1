import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";
import type { CategoryNode } from "./schemas";

/** Every category as a forest, roots and siblings in position order. */
export async function listCategoryTree(ctx: ServiceContext): Promise<CategoryNode[]> {
  const rows = await ctx.db.execute<{ id: number; parentId: number | null; slug: string; name: string }>(sql`
    select id, parent_id as "parentId", slug, name from categories order by position, name, id`);
  const entries = rows.map((r) => ({ parentId: r.parentId, node: { id: r.id, slug: r.slug, name: r.name, children: [] as CategoryNode[] } }));
  const byId = new Map(entries.map((e) => [e.node.id, e.node]));
  const roots: CategoryNode[] = [];
  for (const { parentId, node } of entries) {
    const parent = parentId === null ? undefined : byId.get(parentId);
    (parent?.children ?? roots).push(node);
  }
  return roots;
}
