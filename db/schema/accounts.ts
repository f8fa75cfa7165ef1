import { boolean, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import type { ShippingAddress } from "./orders";
import { users } from "./users";

/** rate-limiter-flexible's counters (RateLimiterDrizzle's shape), shared by every app instance. */
export const rateLimits = pgTable("rate_limits", {
  key: text().primaryKey(),
  points: integer().notNull(),
  expire: timestamp({ withTimezone: true, mode: "date" }),
});

export const userTokenKind = pgEnum("user_token_kind", ["password_reset", "email_verification", "email_change"]);

/**
 * Single-use links sent by email (password reset, email verification, email change). The link carries a token signed with
 * LINK_SIGNING_SECRET; only its SHA-256 is stored, so the database alone opens no account.
 */
export const userTokens = pgTable(
  "user_tokens",
  {
    id: text()
      .primaryKey()
      .default(sql`gen_random_uuid()::text`),
    tokenHash: text("token_hash").notNull().unique(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: userTokenKind().notNull(),
    /** email_change: the address the link was sent to, which becomes the account's when the link is opened. */
    newEmail: text("new_email"),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("user_tokens_user_kind").on(t.userId, t.kind)],
);

/** The address book: an address as checkout takes it, and at most one default for shipping and one for billing per user. */
export const userAddresses = pgTable(
  "user_addresses",
  {
    id: text()
      .primaryKey()
      .default(sql`gen_random_uuid()::text`),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    address: jsonb().$type<ShippingAddress>().notNull(),
    defaultShipping: boolean("default_shipping").notNull().default(false),
    defaultBilling: boolean("default_billing").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("user_addresses_user").on(t.userId),
    uniqueIndex("user_addresses_default_shipping").on(t.userId).where(sql`${t.defaultShipping}`),
    uniqueIndex("user_addresses_default_billing").on(t.userId).where(sql`${t.defaultBilling}`),
  ],
);

/** The admins' internal notes on a customer: never shown to the customer, erased with the account. */
export const customerNotes = pgTable(
  "customer_notes",
  {
    id: text()
      .primaryKey()
      .default(sql`gen_random_uuid()::text`),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("customer_notes_user").on(t.userId, t.createdAt), check("customer_notes_body_length", sql`char_length(${t.body}) BETWEEN 1 AND 2000`)],
);
