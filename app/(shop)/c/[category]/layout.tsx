import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { FilterDrawerState } from "@/app/_components/filter-drawer-state";
import { findCategoryPath, getCategoryTree } from "../../_lib/catalog-data";

/**
 * Checks the category before the page renders, so an unknown one answers with a real 404 status. It stays mounted
 * between the cached plain page and the filtered one (proxy.ts), so the filter drawer's state lives here.
 */
export default async function CategoryLayout({ children, params }: { children: ReactNode; params: Promise<{ category: string }> }) {
  if (!findCategoryPath(await getCategoryTree(), (await params).category)) notFound();
  return <FilterDrawerState>{children}</FilterDrawerState>;
}
