import { sql } from "drizzle-orm";
import { requireAdmin, type ServiceContext } from "../context";
import { invalid } from "../errors";
import type { ReorderCategoriesInput } from "./admin-schemas";
import { reorderExactly } from "./reorder-exactly";

/**
 * Puts the children of one parent in the order given; refused unless the list names exactly that parent's children
 * (reload and try again). Sibling order is not in search documents, so nothing is announced.
 */
export async function reorderCategories(ctx: ServiceContext, input: ReorderCategoriesInput): Promise<{ parentId: number | null; ids: number[] }> {
  requireAdmin(ctx);
  if (!(await reorderExactly(ctx, "categories", sql`parent_id is not distinct from ${input.parentId}::int`, input.ids))) {
    throw invalid("The list must name every subcategory of that parent exactly once; reload and try again", { ids: "Out of date: reload the page" });
  }
  return { parentId: input.parentId, ids: input.ids };
}
