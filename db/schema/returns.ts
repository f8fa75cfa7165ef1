import { sql } from "drizzle-orm";
import { bigint, boolean, char, check, foreignKey, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { variants } from "./catalog";
import { warehouses } from "./inventory";
import { orderLines, orders } from "./orders";
import { shipmentLines, shipments } from "./shipping";

// Forward only, held by the returns_status_transition trigger: requested → approved → received → refunded, or
// requested → rejected (with the reason the shopper is shown).
export const returnStatus = pgEnum("return_status", ["requested", "approved", "received", "refunded", "rejected"]);

/**
 * A shopper's request to send delivered goods back. Its id comes from the shopper's form, so a resubmitted request
 * finds the row it already made. The return label fills in on approval (`label_buying_since`: a purchase in flight);
 * `refund_id` names the refund row chosen before the payment provider is asked, so a retried refund asks for the same one.
 */
export const returns = pgTable(
  "returns",
  {
    id: uuid().primaryKey(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "restrict" }),
    status: returnStatus().notNull().default("requested"),
    reason: text().notNull(),
    // What the lines cost the shopper, in the order's currency: the amount refunded when the goods arrive.
    refundAmount: bigint("refund_amount", { mode: "number" }).notNull(),
    currency: char({ length: 3 }).notNull(),
    carrier: text(),
    service: text(),
    carrierShipmentId: text("carrier_shipment_id"),
    rateId: text("rate_id"),
    trackingCode: text("tracking_code"),
    labelUrl: text("label_url"),
    // Our PDF of the return label in file storage (returns/<id>/label.pdf), for the shopper to print.
    labelKey: text("label_key"),
    labelPurchasedAt: timestamp("label_purchased_at", { withTimezone: true, mode: "date" }),
    labelBuyingSince: timestamp("label_buying_since", { withTimezone: true, mode: "date" }),
    refundId: uuid("refund_id"),
    requestedAt: timestamp("requested_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    approvedAt: timestamp("approved_at", { withTimezone: true, mode: "date" }),
    receivedAt: timestamp("received_at", { withTimezone: true, mode: "date" }),
    refundedAt: timestamp("refunded_at", { withTimezone: true, mode: "date" }),
    rejectedAt: timestamp("rejected_at", { withTimezone: true, mode: "date" }),
    rejectionReason: text("rejection_reason"),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("returns_order_idx").on(t.orderId, t.requestedAt),
    index("returns_status_idx").on(t.status, t.requestedAt),
    uniqueIndex("returns_refund_key").on(t.refundId),
    check("returns_refund_amount_positive", sql`${t.refundAmount} > 0`),
    check("returns_reason_length", sql`char_length(${t.reason}) BETWEEN 1 AND 500`),
    check("returns_rejection_reason_length", sql`char_length(${t.rejectionReason}) BETWEEN 1 AND 500`),
  ],
);

/**
 * What one return sends back: units of one shipment's share of an order line, so they go back to the warehouse that
 * sent them. The return_lines_within_shipped trigger refuses a line that would return more of a shipment line than
 * it carried, counting every return of it. `restock` is the admin's choice when refunding (null until then).
 */
export const returnLines = pgTable(
  "return_lines",
  {
    returnId: uuid("return_id")
      .notNull()
      .references(() => returns.id, { onDelete: "cascade" }),
    shipmentId: uuid("shipment_id")
      .notNull()
      .references(() => shipments.id, { onDelete: "restrict" }),
    orderLineId: integer("order_line_id")
      .notNull()
      .references(() => orderLines.id, { onDelete: "restrict" }),
    variantId: integer("variant_id")
      .notNull()
      .references(() => variants.id, { onDelete: "restrict" }),
    warehouseId: integer("warehouse_id")
      .notNull()
      .references(() => warehouses.id, { onDelete: "restrict" }),
    quantity: integer().notNull(),
    amount: bigint({ mode: "number" }).notNull(),
    restock: boolean(),
  },
  (t) => [
    primaryKey({ columns: [t.returnId, t.shipmentId, t.orderLineId] }),
    index("return_lines_shipment_line_idx").on(t.shipmentId, t.orderLineId),
    foreignKey({ name: "return_lines_shipment_line_fk", columns: [t.shipmentId, t.orderLineId], foreignColumns: [shipmentLines.shipmentId, shipmentLines.orderLineId] }).onDelete(
      "restrict",
    ),
    check("return_lines_quantity_positive", sql`${t.quantity} > 0`),
    check("return_lines_amount_nonnegative", sql`${t.amount} >= 0`),
  ],
);
