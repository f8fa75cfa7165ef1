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

/**
 * Variants whose low-stock standing may have changed since the dashboard last counted (null: every variant, after a
 * warehouse's activation or the shop's default threshold changed), written by triggers on stock_levels,
 * variant_stock_settings, products, variants, warehouses and inventory_settings (migration low_stock_variants).
 * Writers only insert here, so a checkout never waits on another one, or on the count, for it.
 */
export const lowStockChanges = pgTable("low_stock_changes", {
  variantId: integer("variant_id"),
});

/**
 * The variants of active products at or below their low-stock threshold (their own, else the shop's default) over
 * their active warehouses, `out` when none is available: rewritten for the queued variants only by
 * fold_low_stock_changes(), under an advisory lock, and counted by the dashboard.
 */
export const lowStockVariants = pgTable("low_stock_variants", {
  variantId: integer("variant_id").primaryKey(),
  out: boolean().notNull(),
});
