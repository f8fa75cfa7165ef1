import type { Metadata } from "next";
import Link from "next/link";
import { getCaller } from "@/app/_trpc/server";
import { ProductStatus } from "@/server/catalog/admin-schemas";
import { STATUS_LABELS } from "./_components/status-badge";
import { requireAdmin } from "./_lib/require-admin";

export const metadata: Metadata = { title: "Dashboard" };

export default async function AdminDashboard() {
  await requireAdmin("/admin");
  const caller = await getCaller();
  const count = async (status?: ProductStatus) => (await caller.adminProducts.list({ status, pageSize: 1 })).total;
  const [all, ...byStatus] = await Promise.all([count(), ...ProductStatus.options.map(count)]);
  const figures = [
    { label: "All products", value: all, href: "/admin/products" },
    ...ProductStatus.options.map((status, i) => ({ label: STATUS_LABELS[status], value: byStatus[i] ?? 0, href: `/admin/products?status=${status}` })),
  ];

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Dashboard</h1>
      <section aria-labelledby="products-heading" className="flex flex-col gap-3">
        <div className="flex items-center justify-between">
          <h2 id="products-heading" className="text-lg font-medium">
            Products
          </h2>
          <Link href="/admin/products" className="text-sm underline">
            Manage products
          </Link>
        </div>
        <ul className="grid grid-cols-2 gap-3 md:grid-cols-4">
          {figures.map((f) => (
            <li key={f.label}>
              <Link href={f.href} className="flex flex-col rounded-lg border border-stone-200 p-4 hover:bg-stone-50">
                <span className="text-sm text-stone-600">{f.label}</span>
                <span className="text-3xl font-semibold tabular-nums">{f.value}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
