import { sql } from "drizzle-orm";
import { announceStockChange } from "../catalog/announce-product-changed";
import { withTransaction, type ServiceContext } from "../context";
import { DomainError } from "../errors";
import { announceBackInStock } from "./announce-back-in-stock";
import { trackLowStock } from "./track-low-stock";
import { intArray, lockReservedStock, lockStockLevels, type LockedStock } from "./lock-stock";

export interface ReserveStockInput {
  orderId: string;
  /** `label` names the line in the OutOfStock message ("Oxford shirt / M"). */
  lines: { variantId: number; quantity: number; label?: string }[];
  expiresAt: Date;
}

interface Allocation {
  variantId: number;
  warehouseId: number;
  quantity: number;
}

export interface Shortage {
  variantId: number;
  label: string;
  requested: number;
  available: number;
}

/** Splits each variant's demand over its warehouses, the most available first. */
function allocate(demand: Map<number, number>, stock: LockedStock[]) {
  const allocations: Allocation[] = [];
  const shortages: Omit<Shortage, "label">[] = [];
  for (const [variantId, requested] of demand) {
    const rows = stock.filter((s) => s.variantId === variantId && s.available > 0);
    rows.sort((a, b) => b.available - a.available || a.warehouseId - b.warehouseId);
    let remaining = requested;
    for (const row of rows) {
      if (remaining === 0) break;
      const quantity = Math.min(row.available, remaining);
      allocations.push({ variantId, warehouseId: row.warehouseId, quantity });
      remaining -= quantity;
    }
    if (remaining > 0) shortages.push({ variantId, requested, available: requested - remaining });
  }
  return { allocations, shortages };
}

/** OutOfStock naming every short line, with a field error per variant (`variants.<id>`) for the cart to show. */
export function outOfStock(shortages: Shortage[]): DomainError {
  const describe = (s: Shortage) => (s.available === 0 ? `${s.label} is sold out` : `only ${s.available} of ${s.label} left (you asked for ${s.requested})`);
  const fieldErrors = Object.fromEntries(shortages.map((s) => [`variants.${s.variantId}`, describe(s)]));
  return new DomainError("OutOfStock", `Not enough stock: ${shortages.map(describe).join("; ")}`, fieldErrors);
}

/**
 * Reserves stock for an order: demand summed per variant, rows locked in a stable order, each reservation a
 * conditional UPDATE that cannot take more than on_hand - reserved, with its reservation and ledger rows.
 * Short stock throws OutOfStock naming every short line, and the caller's transaction writes nothing. A variant the
 * reservation takes to its low-stock threshold alerts the admins (trackLowStock).
 */
export async function reserveStock(ctx: ServiceContext, input: ReserveStockInput): Promise<void> {
  const demand = new Map<number, number>();
  const labels = new Map<number, string>();
  for (const line of input.lines) {
    demand.set(line.variantId, (demand.get(line.variantId) ?? 0) + line.quantity);
    labels.set(line.variantId, line.label ?? labels.get(line.variantId) ?? `variant ${line.variantId}`);
  }
  await withTransaction(ctx, async (tx) => {
    const stock = await lockStockLevels(tx, [...demand.keys()].sort((a, b) => a - b));
    const { allocations, shortages } = allocate(demand, stock);
    if (shortages.length > 0) throw outOfStock(shortages.map((s) => ({ ...s, label: labels.get(s.variantId)! })));

    const reserved = await tx.db.execute<{ variantId: number }>(sql`
      with wanted as (
        select * from unnest(${intArray(allocations.map((a) => a.variantId))}::int[],
                             ${intArray(allocations.map((a) => a.warehouseId))}::int[],
                             ${intArray(allocations.map((a) => a.quantity))}::int[]) as w(variant_id, warehouse_id, quantity)
      ), taken as (
        update stock_levels s set reserved = s.reserved + w.quantity
          from wanted w
         where s.variant_id = w.variant_id and s.warehouse_id = w.warehouse_id and s.on_hand - s.reserved >= w.quantity
        returning s.variant_id, s.warehouse_id, w.quantity
      ), reservations as (
        insert into stock_reservations (order_id, variant_id, warehouse_id, quantity, expires_at)
        select ${input.orderId}, variant_id, warehouse_id, quantity, ${input.expiresAt.toISOString()}::timestamptz from taken
      )
      insert into stock_movements (variant_id, warehouse_id, on_hand_delta, reserved_delta, reason, order_id)
      select variant_id, warehouse_id, 0, quantity, 'reserve', ${input.orderId} from taken
      returning variant_id as "variantId"`);
    // The rows are locked, so this only fails if a writer skipped the lock: refuse rather than oversell.
    if (reserved.length !== allocations.length) throw new DomainError("OutOfStock", "Stock changed while reserving; try again");
    await trackLowStock(tx, [...demand.keys()], { restocked: [] });
    await announceStockChange(tx, [...demand.keys()], { soldOut: true });
  });
}

/** Gives back an order's active reservations. Idempotent: released rows are never released again. */
export async function releaseStock(ctx: ServiceContext, input: { orderId: string; reason: string }): Promise<{ released: number }> {
  return withTransaction(ctx, async (tx) => {
    await lockReservedStock(tx, input.orderId);
    const rows = await tx.db.execute<{ variantId: number; quantity: number }>(sql`
      with released as (
        update stock_reservations set status = 'released'
         where order_id = ${input.orderId} and status = 'active'
        returning variant_id, warehouse_id, quantity
      ), levels as (
        update stock_levels s set reserved = s.reserved - r.quantity
          from released r
         where s.variant_id = r.variant_id and s.warehouse_id = r.warehouse_id
      )
      insert into stock_movements (variant_id, warehouse_id, on_hand_delta, reserved_delta, reason, order_id)
      select variant_id, warehouse_id, 0, -quantity, ${`release: ${input.reason}`}, ${input.orderId} from released
      returning variant_id as "variantId", -reserved_delta as quantity`);
    await announceBackInStock(tx, rows);
    return { released: rows.length };
  });
}
