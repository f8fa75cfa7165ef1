import { sql } from "drizzle-orm";
import { bigint, char, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { variants } from "./catalog";
import { carts } from "./cart";
import { warehouses } from "./inventory";
import { users } from "./users";

export const orderStatus = pgEnum("order_status", ["pending", "paid", "cancelled", "refunded"]);
// A payment's status lives on payments alone; an order's page joins it. "processing": the provider has the money in flight (a bank debit).
export const paymentStatus = pgEnum("payment_status", ["awaiting", "processing", "succeeded", "failed", "cancelled", "refunded", "partially_refunded"]);

export interface ShippingAddress {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode: string;
  country: string;
  phone?: string;
}

export const orders = pgTable(
  "orders",
  {
    id: uuid().primaryKey().defaultRandom(),
    number: bigint({ mode: "number" }).notNull().generatedAlwaysAsIdentity({ startWith: 100001 }),
    // One order per cart: a second or concurrent checkout of the same cart finds this row instead of making another.
    cartId: uuid("cart_id")
      .notNull()
      .references(() => carts.id, { onDelete: "restrict" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    email: text().notNull(),
    status: orderStatus().notNull().default("pending"),
    currency: char({ length: 3 }).notNull(),
    subtotalAmount: bigint("subtotal_amount", { mode: "number" }).notNull(),
    shippingAmount: bigint("shipping_amount", { mode: "number" }).notNull(),
    totalAmount: bigint("total_amount", { mode: "number" }).notNull(),
    refundedAmount: bigint("refunded_amount", { mode: "number" }).notNull().default(0),
    shippingAddress: jsonb("shipping_address").$type<ShippingAddress>().notNull(),
    shippingMethod: text("shipping_method").notNull(),
    reservationExpiresAt: timestamp("reservation_expires_at", { withTimezone: true, mode: "date" }).notNull(),
    cancelReason: text("cancel_reason"),
    placedAt: timestamp("placed_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    paidAt: timestamp("paid_at", { withTimezone: true, mode: "date" }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true, mode: "date" }),
    // The admin who cancelled it; null when the shop's jobs did (an unpaid order whose hold ended) or the admin is gone.
    cancelledBy: text("cancelled_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("orders_cart_key").on(t.cartId),
    uniqueIndex("orders_number_key").on(t.number),
    // Nulls first, as ORDER BY placed_at DESC, number DESC asks: a shopper's orders and the admin list filtered by status read them in index order.
    index("orders_user_idx").on(t.userId, t.placedAt.desc().nullsFirst(), t.number.desc().nullsFirst()),
    index("orders_status_idx").on(t.status, t.placedAt.desc().nullsFirst(), t.number.desc().nullsFirst()),
    // Newest first, in the order ORDER BY placed_at DESC, number DESC asks for (nulls first): the admin orders list and the dashboard read the top of it.
    index("orders_placed_idx").on(t.placedAt.desc().nullsFirst(), t.number.desc().nullsFirst()),
    index("orders_pending_expiry_idx").on(t.reservationExpiresAt).where(sql`${t.status} = 'pending'`),
    check("orders_amounts_nonnegative", sql`${t.subtotalAmount} >= 0 AND ${t.shippingAmount} >= 0 AND ${t.totalAmount} = ${t.subtotalAmount} + ${t.shippingAmount}`),
    check("orders_refund_within_total", sql`${t.refundedAmount} BETWEEN 0 AND ${t.totalAmount}`),
    check("orders_paid_at_set", sql`${t.status} NOT IN ('paid', 'refunded') OR ${t.paidAt} IS NOT NULL`),
    check("orders_cancelled_at_set", sql`${t.status} <> 'cancelled' OR ${t.cancelledAt} IS NOT NULL`),
    // Target of payments' composite foreign key: a payment is always for its order's exact total and currency.
    unique("orders_id_total_currency_key").on(t.id, t.totalAmount, t.currency),
  ],
);

export const orderLines = pgTable(
  "order_lines",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    variantId: integer("variant_id")
      .notNull()
      .references(() => variants.id, { onDelete: "restrict" }),
    sku: text().notNull(),
    productTitle: text("product_title").notNull(),
    variantTitle: text("variant_title").notNull(),
    unitAmount: bigint("unit_amount", { mode: "number" }).notNull(),
    quantity: integer().notNull(),
    lineAmount: bigint("line_amount", { mode: "number" }).notNull(),
  },
  (t) => [index("order_lines_order_idx").on(t.orderId), check("order_lines_quantity_positive", sql`${t.quantity} > 0`)],
);

/** The order's timeline: placed, paid, cancelled, refunded… and the saga's steps. */
export const orderEvents = pgTable(
  "order_events",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    type: text().notNull(),
    detail: text(),
    // Set by background steps: a retried step finds its row already written and adds no second one.
    stepKey: text("step_key"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("order_events_order_idx").on(t.orderId, t.id), uniqueIndex("order_events_step_key").on(t.orderId, t.stepKey)],
);

export const reservationStatus = pgEnum("reservation_status", ["active", "committed", "released"]);

export const stockReservations = pgTable(
  "stock_reservations",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    variantId: integer("variant_id")
      .notNull()
      .references(() => variants.id, { onDelete: "restrict" }),
    warehouseId: integer("warehouse_id")
      .notNull()
      .references(() => warehouses.id, { onDelete: "restrict" }),
    quantity: integer().notNull(),
    status: reservationStatus().notNull().default("active"),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("stock_reservations_order_variant_warehouse_key").on(t.orderId, t.variantId, t.warehouseId),
    index("stock_reservations_active_expiry_idx").on(t.expiresAt).where(sql`${t.status} = 'active'`),
    check("stock_reservations_quantity_positive", sql`${t.quantity} > 0`),
  ],
);

/** The stock ledger: one row per change of on_hand or reserved, so every level can be explained. */
export const stockMovements = pgTable(
  "stock_movements",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    variantId: integer("variant_id")
      .notNull()
      .references(() => variants.id, { onDelete: "cascade" }),
    warehouseId: integer("warehouse_id")
      .notNull()
      .references(() => warehouses.id, { onDelete: "restrict" }),
    onHandDelta: integer("on_hand_delta").notNull(),
    reservedDelta: integer("reserved_delta").notNull(),
    reason: text().notNull(),
    orderId: uuid("order_id").references(() => orders.id, { onDelete: "set null" }),
    // Who moved the stock by hand (an admin's user id) and their note; null for checkout's own moves.
    actorId: text("actor_id"),
    note: text(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("stock_movements_variant_idx").on(t.variantId, t.id), index("stock_movements_order_idx").on(t.orderId)],
);
