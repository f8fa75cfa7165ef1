import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { findCategoryPath, getCategoryTree } from "../../_lib/catalog-data";

/** Checks the category before the page renders, so an unknown one answers with a real 404 status. */
export default async function CategoryLayout({ children, params }: { children: ReactNode; params: Promise<{ category: string }> }) {
  if (!findCategoryPath(await getCategoryTree(), (await params).category)) notFound();
  return children;
}
