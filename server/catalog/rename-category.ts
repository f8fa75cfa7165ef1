import { eq } from "drizzle-orm";
import { categories } from "@/db/schema";
import { requireAdmin, type ServiceContext } from "../context";
import { notFound } from "../errors";
import type { RenameCategoryInput } from "./admin-schemas";

/**
 * Renames a category; its slug (and so its URL) stays. Search documents hold category ids only and the shop reads
 * names when it renders, so no product needs reindexing.
 */
export async function renameCategory(ctx: ServiceContext, input: RenameCategoryInput): Promise<{ id: number; name: string }> {
  requireAdmin(ctx);
  const [row] = await ctx.db
    .update(categories)
    .set({ name: input.name })
    .where(eq(categories.id, input.id))
    .returning({ id: categories.id, name: categories.name });
  if (!row) throw notFound("Category");
  return row;
}
