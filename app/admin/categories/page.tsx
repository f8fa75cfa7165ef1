import type { Metadata } from "next";
import { getCaller } from "@/app/_trpc/server";
import { requireAdmin } from "../_lib/require-admin";
import { AddCategory } from "./_components/add-category";
import { CategoryRow } from "./_components/category-row";
import { flattenTree } from "./_components/flatten-tree";

export const metadata: Metadata = { title: "Categories" };

export default async function AdminCategoriesPage() {
  await requireAdmin("/admin/categories");
  const rows = flattenTree(await (await getCaller()).catalog.categoryTree());
  const parents = rows.map((r) => ({ id: r.id, label: `${"\u00a0\u00a0\u00a0".repeat(r.depth)}${r.name}` }));

  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-2xl font-semibold">Categories</h1>
      <AddCategory parents={parents} />
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-10 text-center">No categories yet.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-stone-100 rounded-lg border border-stone-200" aria-label="Category tree">
          {rows.map((row) => (
            <CategoryRow key={row.id} row={row} parents={parents.filter((p) => !row.subtree.includes(p.id))} />
          ))}
        </ul>
      )}
    </div>
  );
}
