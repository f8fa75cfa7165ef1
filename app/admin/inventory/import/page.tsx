import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "../../_lib/require-admin";
import { CsvImport } from "../_components/csv-import";

export const metadata: Metadata = { title: "Import stock" };

export default async function ImportStockPage() {
  await requireAdmin("/admin/inventory/import");
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/admin/inventory" className="text-sm underline">
          ← Inventory
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">Import stock</h1>
        <p className="text-sm text-stone-600">
          A CSV with the columns <code>sku,warehouse,on_hand</code> (the warehouse by its code), as the export writes it. Each row sets that count. You see
          every change first; nothing is saved until you confirm, and a file with any bad row saves nothing.
        </p>
      </div>
      <CsvImport />
    </div>
  );
}
