import { sql } from "drizzle-orm";
import { boolean, check, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { notificationChannel } from "./notifications";
import { users } from "./users";

/** What a shopper may switch on or off; every message kind belongs to one (or to none: account and admin mail). */
export const notificationCategory = pgEnum("notification_category", ["order-updates", "shipping-updates", "marketing", "back-in-stock"]);

/**
 * A choice that differs from the category's default, per channel. A signed-in shopper's rows carry their user id; an
 * unsubscribe link followed by someone without an account writes a row for the address instead. No row: the default.
 */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    address: text(),
    category: notificationCategory().notNull(),
    channel: notificationChannel().notNull(),
    enabled: boolean().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("notification_preferences_user_key").on(t.userId, t.category, t.channel),
    uniqueIndex("notification_preferences_address_key").on(t.address, t.category, t.channel),
    check("notification_preferences_one_owner", sql`(${t.userId} IS NULL) <> (${t.address} IS NULL)`),
    check("notification_preferences_address_lower", sql`${t.address} = lower(${t.address})`),
  ],
);
