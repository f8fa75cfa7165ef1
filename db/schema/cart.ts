import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { variants } from "./catalog";
import type { ShippingAddress } from "./orders";
import { users } from "./users";

export const cartStatus = pgEnum("cart_status", ["active", "merged", "ordered"]);

export const carts = pgTable(
  "carts",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    status: cartStatus().notNull().default("active"),
    // Checkout details collected step by step; placeOrder reads them from here so the client only ever sends the cart id.
    email: text(),
    shippingAddress: jsonb("shipping_address").$type<ShippingAddress>(),
    shippingMethod: text("shipping_method"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("carts_one_active_per_user").on(t.userId).where(sql`${t.status} = 'active' AND ${t.userId} IS NOT NULL`)],
);

export const cartLines = pgTable(
  "cart_lines",
  {
    cartId: uuid("cart_id")
      .notNull()
      .references(() => carts.id, { onDelete: "cascade" }),
    variantId: integer("variant_id")
      .notNull()
      .references(() => variants.id, { onDelete: "cascade" }),
    quantity: integer().notNull(),
    // The unit price the shopper last saw, so a re-priced line can be flagged.
    seenUnitAmount: bigint("seen_unit_amount", { mode: "number" }).notNull(),
    addedAt: timestamp("added_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.cartId, t.variantId] }),
    index("cart_lines_variant_idx").on(t.variantId),
    check("cart_lines_quantity_range", sql`${t.quantity} BETWEEN 1 AND 99`),
  ],
);
