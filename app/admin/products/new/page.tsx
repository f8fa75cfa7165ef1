import type { Metadata } from "next";
import Link from "next/link";
import { getCaller } from "@/app/_trpc/server";
import { ProductForm } from "../../_components/product-form";
import { categoryOptions } from "../../_lib/category-options";
import { requireAdmin } from "../../_lib/require-admin";

export const metadata: Metadata = { title: "New product" };

export default async function NewProductPage() {
  await requireAdmin("/admin/products/new", { fullAdmin: true });
  const caller = await getCaller();
  const [tree, warehouses] = await Promise.all([caller.catalog.categoryTree(), caller.inventory.warehouses()]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/admin/products" className="text-sm underline">
          ← Products
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">New product</h1>
      </div>
      <ProductForm categories={categoryOptions(tree)} warehouses={warehouses.filter((w) => w.active)} />
    </div>
  );
}
