import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getProduct } from "../../_lib/catalog-data";

/**
 * Looks the product up before the page renders, so an unknown slug answers with a real 404 status before anything
 * streams. The page reads the same lookup from the request cache.
 */
export default async function ProductLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  if (!(await getProduct((await params).slug))) notFound();
  return children;
}
