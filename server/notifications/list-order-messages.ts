import { asc, eq, inArray, or, sql } from "drizzle-orm";
import { notifications, payments, refunds, shippingNotices } from "@/db/schema";
import type { ServiceContext } from "../context";
import type { NotificationChannel } from "./preference-schemas";
import type { NotificationStatus } from "./schemas";

const KIND_LABELS: Record<string, string> = {
  "order-confirmation": "Order confirmation",
  "payment-failed": "Payment failed",
  "order-cancelled": "Order cancelled",
  "refund-issued": "Refund issued",
  "return-requested": "Return requested",
  "return-approved": "Return approved (label)",
  "return-received": "Return received",
  "return-rejected": "Return rejected",
  shipped: "Shipped",
  "out-for-delivery": "Out for delivery",
  delivered: "Delivered",
  "delivery-problem": "Delivery problem",
  "admin-new-order": "New order alert (admins)",
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind.replaceAll("-", " ");
}

/** What a message list shows of each message (its label follows from the kind). */
export const messageColumns = {
  id: notifications.id,
  kind: notifications.kind,
  channel: notifications.channel,
  recipient: notifications.recipient,
  status: notifications.status,
  skipReason: notifications.skipReason,
  resendOf: notifications.resendOf,
  createdAt: notifications.createdAt,
};

export type OrderMessage = {
  id: string;
  kind: string;
  label: string;
  channel: NotificationChannel;
  recipient: string;
  status: NotificationStatus;
  skipReason: string | null;
  resendOf: string | null;
  createdAt: Date;
};

/**
 * The messages about an order, one of its refunds or one of its shipments, oldest first. No authorisation here: the order's own verbs
 * (getOrder, adminGetOrder) decide who sees the order, and the shopper's view leaves out the admins' alerts.
 */
export async function listOrderMessages(ctx: ServiceContext, input: { orderId: string; audience: "shopper" | "admin" }): Promise<OrderMessage[]> {
  const orderRefunds = ctx.db
    .select({ id: sql<string>`${refunds.id}::text` })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .where(eq(payments.orderId, input.orderId));
  const orderShipments = ctx.db.selectDistinct({ id: shippingNotices.shipmentId }).from(shippingNotices).where(eq(shippingNotices.orderId, input.orderId));
  const rows = await ctx.db
    .select(messageColumns)
    .from(notifications)
    .where(or(eq(notifications.subjectId, input.orderId), inArray(notifications.subjectId, orderRefunds), inArray(notifications.subjectId, orderShipments)))
    .orderBy(asc(notifications.createdAt), asc(notifications.id));
  return rows.filter((row) => input.audience === "admin" || !row.kind.startsWith("admin-")).map((row) => ({ ...row, label: kindLabel(row.kind) }));
}
