import { bigint, char, date, index, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { orders } from "./orders";

// The admin dashboard's running totals, kept by triggers on orders, order_lines and refunds (migration
// dashboard_summary_triggers) in the writing statement's own transaction, as additive upserts, so concurrent writers add
// up. Each is derived from those tables alone and could be rebuilt from them; nothing else writes here.
// sales_hours and product_sales_days spread each total over 8 rows (`slot`, the writing backend's pid modulo 8,
// migration dashboard_summary_slot_triggers): concurrent payments of the same hour and product would otherwise queue
// on one row lock until they commit. Readers sum the slots.

/** Paid orders (status paid or refunded) by the UTC hour they were placed in, and succeeded refunds by the hour they were made in. */
export const salesHours = pgTable(
  "sales_hours",
  {
    bucket: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    currency: char({ length: 3 }).notNull(),
    slot: smallint().notNull().default(0),
    orders: integer().notNull().default(0),
    revenue: bigint({ mode: "number" }).notNull().default(0),
    refunds: integer().notNull().default(0),
    refunded: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.currency, t.slot] })],
);

/** Each customer's (lower-cased email's) first paid order. */
export const customerFirsts = pgTable(
  "customer_firsts",
  {
    email: text().primaryKey(),
    firstAt: timestamp("first_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("customer_firsts_first_at_idx").on(t.firstAt)],
);

/** Units and line revenue of paid orders per UTC day of placing, product and currency. */
export const productSalesDays = pgTable(
  "product_sales_days",
  {
    day: date({ mode: "string" }).notNull(),
    productId: integer("product_id").notNull(),
    currency: char({ length: 3 }).notNull(),
    slot: smallint().notNull().default(0),
    units: integer().notNull().default(0),
    amount: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.productId, t.currency, t.slot] })],
);

/**
 * Paid orders with goods to post and no parcel made yet (the dashboard's orders waiting to ship that the fulfilment job
 * has not reached), kept by triggers on orders and shipments (migration dashboard_unparcelled_orders).
 */
export const dashboardUnparcelledOrders = pgTable(
  "dashboard_unparcelled_orders",
  {
    orderId: uuid("order_id")
      .primaryKey()
      .references(() => orders.id, { onDelete: "cascade" }),
    placedAt: timestamp("placed_at", { withTimezone: true, mode: "date" }).notNull(),
    paidAt: timestamp("paid_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("dashboard_unparcelled_orders_placed_idx").on(t.placedAt, t.paidAt)],
);
