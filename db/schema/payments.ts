import { sql } from "drizzle-orm";
import { bigint, char, check, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { orders, paymentStatus } from "./orders";

export const payments = pgTable(
  "payments",
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid("order_id").notNull(),
    provider: text().notNull(),
    providerPaymentId: text("provider_payment_id").notNull(),
    clientSecret: text("client_secret"),
    amount: bigint({ mode: "number" }).notNull(),
    currency: char({ length: 3 }).notNull(),
    status: paymentStatus().notNull().default("awaiting"),
    // Why an admin must look at this payment (an event whose amount or currency differed from ours…); null when all is well.
    flaggedReason: text("flagged_reason"),
    flaggedAt: timestamp("flagged_at", { withTimezone: true, mode: "date" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("payments_order_key").on(t.orderId),
    uniqueIndex("payments_provider_payment_key").on(t.provider, t.providerPaymentId),
    index("payments_flagged_idx").on(t.flaggedAt).where(sql`${t.flaggedAt} IS NOT NULL`),
    check("payments_amount_positive", sql`${t.amount} > 0`),
    // The amount and currency we charge are the order's, held by the database rather than by each writer.
    foreignKey({
      name: "payments_order_amount_fk",
      columns: [t.orderId, t.amount, t.currency],
      foreignColumns: [orders.id, orders.totalAmount, orders.currency],
    }).onDelete("restrict"),
  ],
);

export const refundStatus = pgEnum("refund_status", ["pending", "succeeded", "failed"]);

/**
 * One row per refund, written before the provider is called: its id is the provider's idempotency key, so a retry after
 * a crash asks for the same refund. Refunds made at the provider (the Stripe dashboard) arrive by webhook with `origin = provider`.
 */
export const refunds = pgTable(
  "refunds",
  {
    id: uuid().primaryKey().defaultRandom(),
    paymentId: uuid("payment_id")
      .notNull()
      .references(() => payments.id, { onDelete: "restrict" }),
    providerRefundId: text("provider_refund_id"),
    amount: bigint({ mode: "number" }).notNull(),
    status: refundStatus().notNull().default("pending"),
    origin: text().notNull().default("shop"),
    reason: text(),
    failureReason: text("failure_reason"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("refunds_payment_idx").on(t.paymentId),
    // The dashboard reads refunds made in the last minutes of a period (the rest comes from sales_quarters).
    index("refunds_succeeded_created_idx").on(t.createdAt).where(sql`${t.status} = 'succeeded'`),
    // The dashboard's count of refunds that failed (few among many).
    index("refunds_failed_created_idx").on(t.createdAt).where(sql`${t.status} = 'failed'`),
    uniqueIndex("refunds_provider_refund_key").on(t.providerRefundId),
    check("refunds_amount_positive", sql`${t.amount} > 0`),
    check("refunds_origin", sql`${t.origin} IN ('shop', 'provider')`),
  ],
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

/** One row per run of the hourly reconciliation: the window of provider changes it compared, and what it repaired. */
export const paymentReconciliations = pgTable("payment_reconciliations", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  provider: text().notNull(),
  windowStart: timestamp("window_start", { withTimezone: true, mode: "date" }).notNull(),
  windowEnd: timestamp("window_end", { withTimezone: true, mode: "date" }).notNull(),
  checked: integer().notNull().default(0),
  repaired: integer().notNull().default(0),
  detail: jsonb().$type<string[]>().notNull().default([]),
  startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
});
