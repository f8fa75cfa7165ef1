import { and, desc, eq } from "drizzle-orm";
import { orderEvents, orders, payments } from "@/db/schema";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { stripeConfigured } from "../env";
import { tokenOpensOrder } from "../orders/order-link";

/**
 * An order and its payment, for the shopper who placed it or whoever holds its signed link; anyone else is told it
 * does not exist, as on the order page.
 */
export async function findPayableOrder(ctx: ServiceContext, input: { orderId: string; accessToken?: string }) {
  const [row] = await ctx.db
    .select({
      orderId: orders.id,
      number: orders.number,
      userId: orders.userId,
      orderStatus: orders.status,
      totalAmount: orders.totalAmount,
      currency: orders.currency,
      payment: { id: payments.id, provider: payments.provider, paymentIntentId: payments.providerPaymentId, status: payments.status },
    })
    .from(orders)
    .leftJoin(payments, eq(payments.orderId, orders.id))
    .where(eq(orders.id, input.orderId));
  const { actor } = ctx;
  const owns = row?.userId != null && (actor.type === "shopper" || actor.type === "admin") && actor.userId === row.userId;
  if (!row || !(owns || tokenOpensOrder(input.accessToken, input.orderId))) throw notFound("Order");
  return { ...row, guest: !owns };
}

export type PayableOrder = Awaited<ReturnType<typeof findPayableOrder>>;

/** Why the simulator's test cards may not pay this order, or null when they may. */
export function testCardRefusal(order: PayableOrder): string | null {
  // With a real Stripe account the simulator's signed events would be trusted as Stripe's: never offer it then.
  if (order.payment?.provider !== "simulator" || stripeConfigured()) return "Test cards only pay orders taken by the payment simulator";
  if (order.orderStatus !== "pending" || order.payment.status !== "awaiting") return "This order is no longer waiting for payment";
  return null;
}

/** The decline code of the order's latest failed payment attempt, if any. */
export async function lastPaymentFailure(ctx: ServiceContext, orderId: string): Promise<string | null> {
  const [row] = await ctx.db
    .select({ detail: orderEvents.detail })
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.type, "payment_failed")))
    .orderBy(desc(orderEvents.id))
    .limit(1);
  return row?.detail ?? null;
}
