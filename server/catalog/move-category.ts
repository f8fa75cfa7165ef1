import { sql } from "drizzle-orm";
import { requireAdmin, withTransaction, type ServiceContext } from "../context";
import { foreignKeyViolation, invalid, notFound } from "../errors";
import type { MoveCategoryInput } from "./admin-schemas";
import { announceSubtreeChanged } from "./announce-product-changed";

const CYCLE = "A category cannot move into itself or one of its own subcategories";

/** The constraint name the categories_no_cycle trigger raises with (migration 0033). */
function isCycle(error: unknown): boolean {
  const cause = (error instanceof Error && "cause" in error ? error.cause : error) as { code?: string; constraint_name?: string } | undefined;
  return cause?.code === "23514" && cause.constraint_name === "categories_no_cycle";
}

/**
 * Moves a category (with its subtree) under another parent or to the top level, last among its new siblings. The
 * database refuses a cycle (the categories_no_cycle trigger, serialised so concurrent moves cannot form one between
 * them); every product in the moved subtree is announced, since its ancestry changed. Moving to the current parent
 * changes nothing.
 */
export async function moveCategory(ctx: ServiceContext, input: MoveCategoryInput): Promise<{ id: number; parentId: number | null; moved: boolean }> {
  requireAdmin(ctx);
  const refused = (message: string) => invalid(message, { parentId: message });
  if (input.parentId === input.id) throw refused(CYCLE);
  return withTransaction(ctx, async (tx) => {
    let rows;
    try {
      rows = await tx.db.execute<{ id: number; moved: boolean }>(sql`
        with target as (select id, parent_id is distinct from ${input.parentId}::int as moved from categories where id = ${input.id} for no key update),
        changed as (
          update categories c set parent_id = ${input.parentId}::int,
                 position = coalesce((select max(position) + 1 from categories where parent_id is not distinct from ${input.parentId}::int), 0)
            from target t where c.id = t.id and t.moved
          returning c.id
        )
        select t.id, t.moved from target t`);
    } catch (cause) {
      if (isCycle(cause)) throw refused(CYCLE);
      if (foreignKeyViolation(cause)) throw refused("That parent category does not exist");
      throw cause;
    }
    const [row] = rows;
    if (!row) throw notFound("Category");
    if (row.moved) await announceSubtreeChanged(tx, input.id);
    return { id: input.id, parentId: input.parentId, moved: row.moved };
  });
}
