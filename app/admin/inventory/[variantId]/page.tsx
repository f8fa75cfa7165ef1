import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCaller } from "@/app/_trpc/server";
import { requireAdmin } from "../../_lib/require-admin";
import { StockActions } from "../_components/stock-actions";
import { StockHistory } from "../_components/stock-history";
import { cell, StockTable } from "../_components/stock-table";

export const metadata: Metadata = { title: "Stock" };


export default async function VariantStockPage(props: { params: Promise<{ variantId: string }>; searchParams: Promise<{ before?: string }> }) {
  const [{ variantId: raw }, { before: rawBefore }] = await Promise.all([props.params, props.searchParams]);
  await requireAdmin(`/admin/inventory/${raw}`);
  const variantId = Number(raw);
  if (!Number.isInteger(variantId) || variantId < 1 || variantId >= 2 ** 31) notFound();
  const before = Number(rawBefore);
  const caller = await getCaller();
  const [history, levels, warehouses] = await Promise.all([
    caller.inventory.history({ variantId, limit: 50, ...(Number.isInteger(before) && before > 0 && before < 2 ** 31 ? { before } : {}) }).catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
      throw error;
    }),
    caller.inventory.levels({ variantId, pageSize: 100 }),
    caller.inventory.warehouses(),
  ]);
  const { variant } = history;
  const first = levels.items[0];

  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/admin/inventory" className="text-sm underline">
          ← Inventory
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">
          {variant.productTitle} <span className="text-stone-500">{variant.title}</span>
        </h1>
        <p className="font-mono text-xs text-stone-600">
          {variant.sku} ·{" "}
          <Link href={`/admin/products/${variant.productId}`} className="underline">
            Edit product
          </Link>
        </p>
      </div>

      <section aria-labelledby="levels-heading" className="flex flex-col gap-2">
        <h2 id="levels-heading" className="text-lg font-semibold">
          Stock by warehouse
        </h2>
        {first && (
          <p className="text-sm">
            Available in active warehouses: <strong>{first.variantAvailable}</strong> · low-stock threshold {first.threshold}
            {first.defaultThreshold ? " (shop default)" : ""}
          </p>
        )}
        <StockTable headings={["Warehouse", "On hand", "Reserved", "Available"]} minWidth="28rem">
          {levels.items.map((row) => (
            <tr key={row.warehouseId} className="border-b border-stone-100">
              <td className={cell}>
                {row.warehouseName}
                {!row.warehouseActive && <span className="ml-1 text-xs text-stone-500">(inactive)</span>}
              </td>
              <td className={`${cell} tabular-nums`} data-testid={`on-hand-${row.warehouseId}`}>
                {row.onHand}
              </td>
              <td className={`${cell} tabular-nums`}>{row.reserved}</td>
              <td className={`${cell} tabular-nums`}>{row.available}</td>
            </tr>
          ))}
        </StockTable>
      </section>

      <StockActions variantId={variantId} warehouses={warehouses} threshold={first && !first.defaultThreshold ? first.threshold : null} />

      <StockHistory items={history.items} olderHref={history.nextBefore ? `/admin/inventory/${variantId}?before=${history.nextBefore}` : null} />
    </div>
  );
}
