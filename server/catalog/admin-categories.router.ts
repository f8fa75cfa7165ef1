import { adminProcedure, createTRPCRouter, toServiceCtx } from "../trpc/init";
import { CreateCategoryInput, MoveCategoryInput, RenameCategoryInput, ReorderCategoriesInput } from "./admin-schemas";
import { createCategory } from "./create-category";
import { moveCategory } from "./move-category";
import { renameCategory } from "./rename-category";
import { reorderCategories } from "./reorder-categories";

export const adminCategoriesRouter = createTRPCRouter({
  create: adminProcedure.input(CreateCategoryInput).mutation(({ ctx, input }) => createCategory(toServiceCtx(ctx), input)),
  rename: adminProcedure.input(RenameCategoryInput).mutation(({ ctx, input }) => renameCategory(toServiceCtx(ctx), input)),
  move: adminProcedure.input(MoveCategoryInput).mutation(({ ctx, input }) => moveCategory(toServiceCtx(ctx), input)),
  reorder: adminProcedure.input(ReorderCategoriesInput).mutation(({ ctx, input }) => reorderCategories(toServiceCtx(ctx), input)),
});
