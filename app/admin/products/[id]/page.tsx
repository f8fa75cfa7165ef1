import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCaller } from "@/app/_trpc/server";
import { ProductForm } from "../../_components/product-form";
import { categoryOptions } from "../../_lib/category-options";
import { isFullAdmin, requireAdmin } from "../../_lib/require-admin";
import { ProductImages } from "../_components/product-images";

export const metadata: Metadata = { title: "Edit product" };

interface EditProductPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function EditProductPage({ params, searchParams }: EditProductPageProps) {
  const { id: rawId } = await params;
  const { saved } = await searchParams;
  const user = await requireAdmin(`/admin/products/${rawId}`);
  const id = Number(rawId);
  if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) notFound();

  const caller = await getCaller();
  const [product, tree, warehouses] = await Promise.all([
    caller.adminProducts.get({ id }).catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
      throw error;
    }),
    caller.catalog.categoryTree(),
    caller.inventory.warehouses(),
  ]);

  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/admin/products" className="text-sm underline">
          ← Products
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">Edit product</h1>
      </div>
      <ProductForm categories={categoryOptions(tree)} product={product} saved={saved === "1"} warehouses={warehouses.filter((w) => w.active)} pricesLocked={!isFullAdmin(user)} />
      <ProductImages product={product} />
    </div>
  );
}
