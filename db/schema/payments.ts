import { sql } from "drizzle-orm";
import { char, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { orders, paymentStatus } from "./orders";

export const payments = pgTable(
  "payments",
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "restrict" }),
    provider: text().notNull(),
    providerPaymentId: text("provider_payment_id").notNull(),
    clientSecret: text("client_secret"),
    amount: integer().notNull(),
    currency: char({ length: 3 }).notNull(),
    status: paymentStatus().notNull().default("awaiting"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("payments_order_key").on(t.orderId),
    uniqueIndex("payments_provider_payment_key").on(t.provider, t.providerPaymentId),
    check("payments_amount_positive", sql`${t.amount} > 0`),
  ],
);

export const refunds = pgTable(
  "refunds",
  {
    id: uuid().primaryKey().defaultRandom(),
    paymentId: uuid("payment_id")
      .notNull()
      .references(() => payments.id, { onDelete: "restrict" }),
    providerRefundId: text("provider_refund_id"),
    amount: integer().notNull(),
    reason: text(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("refunds_payment_idx").on(t.paymentId), check("refunds_amount_positive", sql`${t.amount} > 0`)],
);

/** Every webhook event we accepted, keyed by the sender's event id: a redelivery hits the primary key and changes nothing. */
export const webhookInbox = pgTable(
  "webhook_inbox",
  {
    source: text().notNull(),
    eventId: text("event_id").notNull(),
    type: text().notNull(),
    payload: jsonb().notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.source, t.eventId] })],
);
