import type { ProductStatus } from "@/server/catalog/admin-schemas";

const STYLES: Record<ProductStatus, string> = {
  active: "bg-brand-100 text-brand-800",
  draft: "bg-amber-100 text-amber-900",
  archived: "bg-stone-200 text-stone-700",
};

export const STATUS_LABELS: Record<ProductStatus, string> = { draft: "Draft", active: "Active", archived: "Archived" };

export function StatusBadge({ status }: { status: ProductStatus }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${STYLES[status]}`}>{STATUS_LABELS[status]}</span>;
}
