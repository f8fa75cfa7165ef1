import { sql } from "drizzle-orm";
import { requireAdmin, type ServiceContext } from "../context";
import { foreignKeyViolation, invalid } from "../errors";
import type { CreateCategoryInput } from "./admin-schemas";
import { onDuplicate, slugTaken } from "./save-variants";

export interface CategoryRow {
  id: number;
  parentId: number | null;
  slug: string;
  name: string;
  position: number;
}

/** A new category, last among its siblings. It holds no products yet, so search has nothing to learn. */
export async function createCategory(ctx: ServiceContext, input: CreateCategoryInput): Promise<CategoryRow> {
  requireAdmin(ctx);
  try {
    const [row] = await onDuplicate("categories_slug_unique", slugTaken, () =>
      ctx.db.execute<CategoryRow & Record<string, unknown>>(sql`
        insert into categories (parent_id, slug, name, position)
        select ${input.parentId}::int, ${input.slug}, ${input.name},
               coalesce((select max(position) + 1 from categories where parent_id is not distinct from ${input.parentId}::int), 0)
        returning id, parent_id as "parentId", slug, name, position`),
    );
    return row!;
  } catch (cause) {
    if (foreignKeyViolation(cause)) throw invalid("Choose an existing parent", { parentId: "That category does not exist" });
    throw cause;
  }
}
