import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { orderLines, orders } from "./orders";
import { users } from "./users";

/** The admins' internal notes on an order: never shown to the customer. */
export const orderNotes = pgTable(
  "order_notes",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("order_notes_order_idx").on(t.orderId, t.id), check("order_notes_body_length", sql`char_length(${t.body}) BETWEEN 1 AND 2000`)],
);

/**
 * A refund asked for from the admin order page. Its id is the form's idempotency key and becomes the payment refund's id
 * (refunds.id), so a double submit finds this row and asks the provider for the same refund.
 */
export const orderRefunds = pgTable(
  "order_refunds",
  {
    id: uuid().primaryKey(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    amount: bigint({ mode: "number" }).notNull(),
    reason: text(),
    notifyCustomer: boolean("notify_customer").notNull(),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    // Set by the one call that put the chosen units back in stock, once the payment refund succeeded.
    restockedAt: timestamp("restocked_at", { withTimezone: true, mode: "date" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("order_refunds_order_idx").on(t.orderId), check("order_refunds_amount_positive", sql`${t.amount} > 0`)],
);

/** The lines an order refund gives money back for, and whether their units go back to stock. */
export const orderRefundLines = pgTable(
  "order_refund_lines",
  {
    refundId: uuid("refund_id")
      .notNull()
      .references(() => orderRefunds.id, { onDelete: "cascade" }),
    orderLineId: integer("order_line_id")
      .notNull()
      .references(() => orderLines.id, { onDelete: "cascade" }),
    quantity: integer().notNull(),
    restock: boolean().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.refundId, t.orderLineId] }),
    index("order_refund_lines_line_idx").on(t.orderLineId),
    check("order_refund_lines_quantity_positive", sql`${t.quantity} > 0`),
  ],
);
