import { eq, sql } from "drizzle-orm";
import { warehouses } from "@/db/schema";
import { requireAdmin, withTransaction, type ServiceContext } from "../context";
import { conflict, notFound } from "../errors";
import { onDuplicate } from "../catalog/save-variants";
import type { CreateWarehouseInput, UpdateWarehouseInput } from "./schemas";

export interface WarehouseRow {
  id: number;
  code: string;
  name: string;
  active: boolean;
}

const columns = { id: warehouses.id, code: warehouses.code, name: warehouses.name, active: warehouses.active };
const codeTaken = () => conflict("That code is taken", { code: "Another warehouse has this code" });

/** A new warehouse, with an empty stock row for every variant, so stock can be counted into it at once. */
export async function createWarehouse(ctx: ServiceContext, input: CreateWarehouseInput): Promise<WarehouseRow> {
  requireAdmin(ctx);
  return withTransaction(ctx, async (tx) => {
    const [row] = await onDuplicate("warehouses_code_unique", codeTaken, () => tx.db.insert(warehouses).values(input).returning(columns));
    await tx.db.execute(sql`insert into stock_levels (variant_id, warehouse_id) select id, ${row!.id} from variants on conflict do nothing`);
    return row!;
  });
}

/** Renames a warehouse, or (de)activates it: a deactivated one keeps its stock but takes no new reservations. */
export async function updateWarehouse(ctx: ServiceContext, input: UpdateWarehouseInput): Promise<WarehouseRow> {
  requireAdmin(ctx);
  const [row] = await ctx.db.update(warehouses).set({ name: input.name, active: input.active }).where(eq(warehouses.id, input.id)).returning(columns);
  if (!row) throw notFound("Warehouse");
  return row;
}

export async function listWarehouses(ctx: ServiceContext): Promise<WarehouseRow[]> {
  requireAdmin(ctx);
  return ctx.db.select(columns).from(warehouses).orderBy(warehouses.id);
}
