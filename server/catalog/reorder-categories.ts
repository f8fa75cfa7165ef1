import { sql } from "drizzle-orm";
import { requireAdmin, type ServiceContext } from "../context";
import { invalid } from "../errors";
import type { ReorderCategoriesInput } from "./admin-schemas";

/**
 * Puts the children of one parent in the order given, in one statement that changes nothing unless the list names
 * exactly that parent's children (a sibling added or moved away meanwhile makes it refuse: reload and try again).
 * Sibling order is not in search documents, so nothing is announced.
 */
export async function reorderCategories(ctx: ServiceContext, input: ReorderCategoriesInput): Promise<{ parentId: number | null; ids: number[] }> {
  requireAdmin(ctx);
  const ids = `{${input.ids.join(",")}}`;
  const rows = await ctx.db.execute<{ id: number }>(sql`
    with siblings as (select id from categories where parent_id is not distinct from ${input.parentId}::int for no key update),
    exact as (
      select 1 where (select count(*) from siblings) = cardinality(${ids}::int[])
                 and (select count(*) from siblings where id = any(${ids}::int[])) = cardinality(${ids}::int[])
    )
    update categories c set position = o.n - 1
      from unnest(${ids}::int[]) with ordinality as o(id, n)
     where c.id = o.id and exists (select 1 from exact)
    returning c.id`);
  if (rows.length !== input.ids.length) {
    throw invalid("The list must name every subcategory of that parent exactly once; reload and try again", { ids: "Out of date: reload the page" });
  }
  return { parentId: input.parentId, ids: input.ids };
}
