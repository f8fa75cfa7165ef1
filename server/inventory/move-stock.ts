import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";
import { conflict, notFound } from "../errors";
import { announceBackInStock } from "./announce-back-in-stock";
import { intArray, lockStockLevels, type LockedStock } from "./lock-stock";
import { trackLowStock } from "./track-low-stock";

export interface StockChange {
  variantId: number;
  warehouseId: number;
  onHandDelta: number;
  /** This change's own reason, instead of the movement's. */
  reason?: string;
}

export interface MovementMeta {
  reason: string;
  note?: string | null;
  /** The admin who moved the stock. */
  actorId: string;
  /** The order the movement belongs to (a refund's restock), so it shows among the order's movements. */
  orderId?: string;
}

const key = (variantId: number, warehouseId: number) => `${variantId}:${warehouseId}`;

/**
 * Creates the missing (empty) stock rows of these pairs, for a warehouse added after the product, then locks every stock
 * row of their variants in the house order. Call inside a transaction, before reading or changing stock by hand.
 * Unknown variants or warehouses throw NotFound.
 */
export async function lockStockFor(
  ctx: ServiceContext,
  pairs: { variantId: number; warehouseId: number }[],
): Promise<(variantId: number, warehouseId: number) => LockedStock> {
  await ctx.db.execute(sql`
    insert into stock_levels (variant_id, warehouse_id)
    select v.id, w.id
      from unnest(${intArray(pairs.map((p) => p.variantId))}::int[], ${intArray(pairs.map((p) => p.warehouseId))}::int[]) as p(variant_id, warehouse_id)
      join variants v on v.id = p.variant_id
      join warehouses w on w.id = p.warehouse_id
    on conflict do nothing`);
  const variantIds = [...new Set(pairs.map((p) => p.variantId))].sort((a, b) => a - b);
  const rows = new Map((await lockStockLevels(ctx, variantIds)).map((row) => [key(row.variantId, row.warehouseId), row]));
  for (const p of pairs) if (!rows.has(key(p.variantId, p.warehouseId))) throw notFound(`Variant ${p.variantId} in warehouse ${p.warehouseId}`);
  return (variantId, warehouseId) => rows.get(key(variantId, warehouseId))!;
}

/**
 * Moves on-hand stock by hand, rows already locked by `lockStockFor`: one conditional UPDATE that refuses to take
 * on_hand below what is reserved (or past an int4), a ledger row per change with who and why, then the back-in-stock
 * announcement and the low-stock alerts the change calls for. Each (variant, warehouse) may appear once.
 */
export async function moveStock(ctx: ServiceContext, changes: StockChange[], meta: MovementMeta): Promise<void> {
  const moving = changes.filter((c) => c.onHandDelta !== 0);
  if (moving.length === 0) return;
  const wanted = moving.map((c) => ({ ...c, reason: c.reason ?? meta.reason }));
  const moved = await ctx.db.execute<{ variantId: number; warehouseId: number }>(sql`
    with wanted as (
      select * from jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) as w("variantId" int, "warehouseId" int, "onHandDelta" int, reason text)
    ), moved as (
      update stock_levels s set on_hand = s.on_hand + w."onHandDelta"
        from wanted w
       where s.variant_id = w."variantId" and s.warehouse_id = w."warehouseId"
         and s.on_hand::bigint + w."onHandDelta" between s.reserved and 2147483647
      returning s.variant_id, s.warehouse_id, w."onHandDelta" as delta, w.reason
    )
    insert into stock_movements (variant_id, warehouse_id, on_hand_delta, reserved_delta, reason, note, actor_id, order_id)
    select variant_id, warehouse_id, delta, 0, reason, ${meta.note || null}, ${meta.actorId}, ${meta.orderId ?? null}::uuid from moved
    returning variant_id as "variantId", warehouse_id as "warehouseId"`);
  if (moved.length !== moving.length) {
    const done = new Set(moved.map((m) => key(m.variantId, m.warehouseId)));
    const refused = moving.filter((c) => !done.has(key(c.variantId, c.warehouseId)));
    const fieldErrors = Object.fromEntries(refused.map((c) => [`stock.${c.variantId}.${c.warehouseId}`, "Not enough unreserved stock for this change"]));
    throw conflict("On hand must stay at or above what is reserved, and below 2147483647", fieldErrors);
  }
  await announceBackInStock(ctx, moving.map((c) => ({ variantId: c.variantId, quantity: c.onHandDelta })));
  const net = new Map<number, number>();
  for (const c of moving) net.set(c.variantId, (net.get(c.variantId) ?? 0) + c.onHandDelta);
  await trackLowStock(ctx, [...net.keys()], { restocked: [...net].filter(([, delta]) => delta > 0).map(([variantId]) => variantId) });
}
