import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { variants } from "./catalog";

export const warehouses = pgTable("warehouses", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  code: text().notNull().unique(),
  name: text().notNull(),
});

export const stockLevels = pgTable(
  "stock_levels",
  {
    variantId: integer("variant_id")
      .notNull()
      .references(() => variants.id, { onDelete: "cascade" }),
    warehouseId: integer("warehouse_id")
      .notNull()
      .references(() => warehouses.id, { onDelete: "restrict" }),
    onHand: integer("on_hand").notNull().default(0),
    reserved: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.variantId, t.warehouseId] }),
    index("stock_levels_warehouse_idx").on(t.warehouseId),
    check("stock_levels_on_hand_nonnegative", sql`${t.onHand} >= 0`),
    check("stock_levels_reserved_within_on_hand", sql`${t.reserved} >= 0 AND ${t.reserved} <= ${t.onHand}`),
  ],
);
