import { sql } from "drizzle-orm";
import { type AnyPgColumn, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { variants } from "./catalog";
import { orders } from "./orders";
import { users } from "./users";

export const notificationChannel = pgEnum("notification_channel", ["email", "sms", "push"]);
// skipped is final from the start; the others follow queued → sent → delivered | bounced | complained | failed.
export const notificationStatus = pgEnum("notification_status", ["queued", "skipped", "sent", "delivered", "bounced", "complained", "failed"]);

/**
 * The ledger: one row per message we decided about, written with that decision by the consumer of the event. The unique
 * key makes a redelivered event or a retried step find the row instead of queueing a second message; the row id is the
 * message id, sent to the provider as its idempotency key.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    // The template: "order-confirmation", "admin-new-order", …
    kind: text().notNull(),
    // What the message is about (an order id, a refund id).
    subjectId: text("subject_id").notNull(),
    recipient: text().notNull(),
    channel: notificationChannel().notNull().default("email"),
    status: notificationStatus().notNull(),
    skipReason: text("skip_reason"),
    subject: text(),
    providerMessageId: text("provider_message_id"),
    // The shopper the message is for, when known: their choices are checked again when it is sent.
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    // An admin's resend of an earlier message: a message of its own, outside the one-per-key rule.
    resendOf: uuid("resend_of").references((): AnyPgColumn => notifications.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("notifications_message_key").on(t.kind, t.subjectId, t.recipient, t.channel).where(sql`${t.resendOf} IS NULL`),
    index("notifications_queued_idx").on(t.updatedAt).where(sql`${t.status} = 'queued'`),
    uniqueIndex("notifications_provider_message_key").on(t.providerMessageId),
    index("notifications_created_idx").on(t.createdAt.desc()),
    index("notifications_user_idx").on(t.userId),
    index("notifications_recipient_idx").on(t.recipient, t.createdAt.desc()),
    check("notifications_recipient_lower", sql`${t.recipient} = lower(${t.recipient})`),
    check("notifications_skip_reason", sql`(${t.status} = 'skipped') = (${t.skipReason} IS NOT NULL)`),
  ],
);

/** A message's status timeline, one row per move, written in the statement that moves it. */
export const notificationEvents = pgTable(
  "notification_events",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    notificationId: uuid("notification_id")
      .notNull()
      .references(() => notifications.id, { onDelete: "cascade" }),
    status: notificationStatus().notNull(),
    detail: text(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("notification_events_notification_idx").on(t.notificationId, t.id)],
);

/**
 * Addresses we no longer write to: a hard bounce or a complaint puts them here, and every later send (transactional too)
 * is skipped while the row is not lifted. An admin may lift it; a new bounce puts it back.
 */
export const emailSuppressions = pgTable(
  "email_suppressions",
  {
    address: text().primaryKey(),
    reason: text().notNull(),
    detail: text(),
    notificationId: uuid("notification_id").references(() => notifications.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    liftedAt: timestamp("lifted_at", { withTimezone: true, mode: "date" }),
    liftedBy: text("lifted_by"),
  },
  (t) => [
    check("email_suppressions_address_lower", sql`${t.address} = lower(${t.address})`),
    check("email_suppressions_reason", sql`${t.reason} IN ('bounced', 'complained')`),
  ],
);

/**
 * The dev mailbox: where email, SMS and push go when their provider is not configured, read at /admin/mailbox. Keyed by
 * the message id, so a retried send stores one message, as the provider's idempotency key would. An SMS keeps its text
 * in `text` (to: the phone number); a push keeps its title as the subject and its JSON payload in `text` (to: the user id).
 */
export const mailboxMessages = pgTable(
  "mailbox_messages",
  {
    id: uuid().primaryKey(),
    channel: notificationChannel().notNull().default("email"),
    from: text().notNull(),
    to: text().notNull(),
    subject: text().notNull(),
    html: text().notNull(),
    text: text().notNull(),
    headers: jsonb().$type<Record<string, string>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("mailbox_messages_created_idx").on(t.createdAt.desc())],
);

/**
 * "Email me when it's back": a shopper (by account) or a guest (by address) waiting for a sold-out variant. At most one
 * waiting row per subscriber and variant; the return stamps notified_at, and the stamped row stays as history, so a later
 * return tells nobody again until they ask again (a new row, hence a new ledger key).
 */
export const stockAlerts = pgTable(
  "stock_alerts",
  {
    id: uuid().primaryKey().defaultRandom(),
    variantId: integer("variant_id")
      .notNull()
      .references(() => variants.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    email: text(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    notifiedAt: timestamp("notified_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    uniqueIndex("stock_alerts_waiting_user_key").on(t.variantId, t.userId).where(sql`${t.notifiedAt} IS NULL AND ${t.userId} IS NOT NULL`),
    uniqueIndex("stock_alerts_waiting_email_key").on(t.variantId, t.email).where(sql`${t.notifiedAt} IS NULL AND ${t.email} IS NOT NULL`),
    index("stock_alerts_user_idx").on(t.userId),
    check("stock_alerts_one_subscriber", sql`num_nonnulls(${t.userId}, ${t.email}) = 1`),
    check("stock_alerts_email_lower", sql`${t.email} = lower(${t.email})`),
  ],
);

/**
 * A browser's web push subscription, as PushManager.subscribe returned it, for the shopper who made it. The endpoint is
 * the push service's URL for that browser, so it is unique: subscribing it again (another shopper on the same browser)
 * moves it. The push service answering 404 or 410 for it means it expired; the row is then deleted.
 */
export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    endpoint: text().notNull(),
    p256dh: text().notNull(),
    auth: text().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [uniqueIndex("push_subscriptions_endpoint_key").on(t.endpoint), index("push_subscriptions_user_idx").on(t.userId)],
);

/**
 * What the shipping domain announced at a shipment's milestone (shop/shipment.shipped, …out-for-delivery, …delivered,
 * …exception), kept as the notifications were told it: the email, SMS and push of that milestone are rendered from it
 * later. One row per shipment and message kind, the ledger's (kind, subject) for those messages; a redelivered event
 * finds the row and changes nothing.
 */
export const shippingNotices = pgTable(
  "shipping_notices",
  {
    shipmentId: text("shipment_id").notNull(),
    // The messages' kind: "shipped", "out-for-delivery", "delivered" or "delivery-problem".
    kind: text().notNull(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    carrier: text().notNull(),
    service: text(),
    trackingCode: text("tracking_code").notNull(),
    trackingUrl: text("tracking_url").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "date" }).notNull(),
    estimatedDeliveryAt: timestamp("estimated_delivery_at", { withTimezone: true, mode: "date" }),
    // The carrier's words for an exception.
    detail: text(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.shipmentId, t.kind] }), index("shipping_notices_order_idx").on(t.orderId)],
);
