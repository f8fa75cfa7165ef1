import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { variants } from "./catalog";
import { warehouses } from "./inventory";
import { orderLines, orders } from "./orders";

// Forward only, held by the shipments_status_transition trigger: pending → label_purchased → in_transit → out_for_delivery
// → exception → delivered → returned, skipping allowed; cancelled only before the parcel moves.
export const shipmentStatus = pgEnum("shipment_status", ["pending", "label_purchased", "in_transit", "out_for_delivery", "exception", "delivered", "returned", "cancelled"]);

/**
 * One parcel of a paid order: what one warehouse sends. The carrier fields fill in as its label is bought; `buying_since`
 * marks a purchase in flight (a claim, so a second caller buys nothing while the first talks to the carrier).
 */
export const shipments = pgTable(
  "shipments",
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "restrict" }),
    warehouseId: integer("warehouse_id")
      .notNull()
      .references(() => warehouses.id, { onDelete: "restrict" }),
    // The shipment this one was split off (partial fulfilment) or replaces (its label was voided); null for the one
    // fulfilment made per warehouse.
    parentId: uuid("parent_id").references((): AnyPgColumn => shipments.id, { onDelete: "restrict" }),
    status: shipmentStatus().notNull().default("pending"),
    weightGrams: integer("weight_grams").notNull(),
    carrier: text(),
    service: text(),
    carrierShipmentId: text("carrier_shipment_id"),
    rateId: text("rate_id"),
    trackingCode: text("tracking_code"),
    trackingUrl: text("tracking_url"),
    labelKey: text("label_key"),
    labelPurchasedAt: timestamp("label_purchased_at", { withTimezone: true, mode: "date" }),
    buyingSince: timestamp("buying_since", { withTimezone: true, mode: "date" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("shipments_order_warehouse_key").on(t.orderId, t.warehouseId).where(sql`${t.parentId} IS NULL`),
    uniqueIndex("shipments_tracking_key").on(t.carrier, t.trackingCode),
    index("shipments_status_idx").on(t.status, t.createdAt),
    // An order's shipments (its fulfilment status, its pages): the (order, warehouse) key is partial and does not serve them.
    index("shipments_order_idx").on(t.orderId),
    // The dashboard's parcels waiting to be handed over, and the parcels made lately (orders paid with none made yet).
    index("shipments_waiting_order_idx").on(t.orderId).where(sql`${t.status} IN ('pending', 'label_purchased')`),
    index("shipments_created_order_idx").on(t.createdAt, t.orderId),
    check("shipments_weight_positive", sql`${t.weightGrams} > 0`),
    check(
      "shipments_label_complete",
      // A parcel sent with another carrier's label (marked shipped by an admin) has a tracking code but no carrier shipment of ours.
      sql`${t.status} IN ('pending', 'cancelled') OR (${t.trackingCode} IS NOT NULL AND ${t.trackingUrl} IS NOT NULL AND (${t.carrierShipmentId} IS NULL OR (${t.labelKey} IS NOT NULL AND ${t.labelPurchasedAt} IS NOT NULL)))`,
    ),
  ],
);

/** What goes in a shipment's box: a share of an order line, as much as its warehouse reserved. */
export const shipmentLines = pgTable(
  "shipment_lines",
  {
    shipmentId: uuid("shipment_id")
      .notNull()
      .references(() => shipments.id, { onDelete: "cascade" }),
    orderLineId: integer("order_line_id")
      .notNull()
      .references(() => orderLines.id, { onDelete: "restrict" }),
    variantId: integer("variant_id")
      .notNull()
      .references(() => variants.id, { onDelete: "restrict" }),
    quantity: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.shipmentId, t.orderLineId] }), check("shipment_lines_quantity_positive", sql`${t.quantity} > 0`)],
);

/**
 * A shipment's timeline: every carrier event we believed, with the carrier's own time, whether it moved the status or
 * came too late to. `status` is the shipment status the event stands for (null: an event that names none, such as pre_transit).
 */
export const shipmentEvents = pgTable(
  "shipment_events",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    shipmentId: uuid("shipment_id")
      .notNull()
      .references(() => shipments.id, { onDelete: "cascade" }),
    status: shipmentStatus(),
    carrierStatus: text("carrier_status").notNull(),
    detail: text(),
    /** When the carrier expected the parcel to arrive, as of this event. */
    estimatedDeliveryAt: timestamp("estimated_delivery_at", { withTimezone: true, mode: "date" }),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "date" }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("shipment_events_shipment_idx").on(t.shipmentId, t.occurredAt)],
);

/** The shop's shipping settings: one row at most (id true); no row means the defaults. */
export const shippingSettings = pgTable(
  "shipping_settings",
  {
    id: boolean().primaryKey().default(true),
    // Buy each paid order's labels at once; off: shipments wait in the admin's queue as pending.
    autoBuyLabels: boolean("auto_buy_labels").notNull().default(true),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [check("shipping_settings_single_row", sql`${t.id}`)],
);
