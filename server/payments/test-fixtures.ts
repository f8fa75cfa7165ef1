import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { carts, orderEvents, orders, payments, webhookInbox } from "@/db/schema";
import { address } from "../checkout/checkout-test-fixtures";
import { orderColumns } from "../orders/order-queries";

/** A pending order of `totalAmount` (USD), no lines: payments only look at the order's amount, owner and states. */
export async function insertPayableOrder(db: Db, options: { userId?: string | null; totalAmount?: number } = {}): Promise<string> {
  const [cart] = await db.insert(carts).values({ userId: options.userId ?? null, status: "ordered" }).returning({ id: carts.id });
  const total = options.totalAmount ?? 2999;
  const [row] = await db
    .insert(orders)
    .values({
      cartId: cart!.id,
      userId: options.userId ?? null,
      email: "buyer@emporium.test",
      currency: "USD",
      subtotalAmount: total - 499,
      shippingAmount: 499,
      totalAmount: total,
      shippingAddress: address,
      shippingMethod: "standard",
      reservationExpiresAt: new Date(Date.now() + 15 * 60_000),
    })
    .returning({ id: orders.id });
  return row!.id;
}

/** What a shopper or an admin could check about one order's payment. */
export async function paymentState(db: Db, orderId: string) {
  const [order] = await db
    .select({ status: orders.status, paymentStatus: orderColumns.paymentStatus, refundedAmount: orders.refundedAmount })
    .from(orders)
    .where(eq(orders.id, orderId));
  const rows = await db.select({ status: payments.status, paymentIntentId: payments.providerPaymentId }).from(payments).where(eq(payments.orderId, orderId));
  const events = await db.select({ type: orderEvents.type, detail: orderEvents.detail }).from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(orderEvents.id);
  return { order, payments: rows, events };
}

export async function inboxCount(db: Db): Promise<number> {
  return (await db.select({ eventId: webhookInbox.eventId }).from(webhookInbox)).length;
}
