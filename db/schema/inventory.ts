import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { variants } from "./catalog";

export const warehouses = pgTable("warehouses", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  code: text().notNull().unique(),
  name: text().notNull(),
  // A deactivated warehouse keeps its stock on the books but takes no new reservations.
  active: boolean().notNull().default(true),
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

/** The shop's inventory settings: one row (id is always true), created by its migration. */
export const inventorySettings = pgTable(
  "inventory_settings",
  {
    id: boolean().primaryKey().default(true),
    defaultLowStockThreshold: integer("default_low_stock_threshold").notNull().default(5),
  },
  (t) => [check("inventory_settings_single_row", sql`${t.id}`), check("inventory_settings_threshold_nonnegative", sql`${t.defaultLowStockThreshold} >= 0`)],
);

/**
 * A variant's low-stock alerting: its own threshold (null: the shop's default) and whether an alert is armed. Disarming
 * is one conditional update (`where alert_armed`), so each crossing below the threshold alerts once, numbered by
 * `alerts_sent`; a restock above the threshold arms it again.
 */
export const variantStockSettings = pgTable(
  "variant_stock_settings",
  {
    variantId: integer("variant_id")
      .primaryKey()
      .references(() => variants.id, { onDelete: "cascade" }),
    lowStockThreshold: integer("low_stock_threshold"),
    alertArmed: boolean("alert_armed").notNull().default(true),
    alertsSent: integer("alerts_sent").notNull().default(0),
  },
  (t) => [check("variant_stock_settings_threshold_nonnegative", sql`${t.lowStockThreshold} >= 0`)],
);
