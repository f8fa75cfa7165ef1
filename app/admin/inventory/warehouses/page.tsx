import type { Metadata } from "next";
import Link from "next/link";
import { getCaller } from "@/app/_trpc/server";
import { requireAdmin } from "../../_lib/require-admin";
import { WarehouseEditor } from "../_components/warehouse-editor";

export const metadata: Metadata = { title: "Warehouses" };

export default async function WarehousesPage() {
  await requireAdmin("/admin/inventory/warehouses");
  const caller = await getCaller();
  const [warehouses, settings] = await Promise.all([caller.inventory.warehouses(), caller.inventory.settings()]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/admin/inventory" className="text-sm underline">
          ← Inventory
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">Warehouses</h1>
        <p className="text-sm text-stone-600">A deactivated warehouse keeps its stock on the books but takes no new orders.</p>
      </div>
      <WarehouseEditor warehouses={warehouses} defaultThreshold={settings.defaultLowStockThreshold} />
    </div>
  );
}
