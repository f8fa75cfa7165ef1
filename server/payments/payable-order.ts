import { and, desc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { orderEvents, orders, payments } from "@/db/schema";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { stripeConfigured } from "../env";
import { requireOrderAccess } from "../orders/order-access";
import { orderAccessToken } from "../orders/order-link";

/** Where a shopper pays, by provider: the simulator's test-card page or the Stripe Elements page. */
export const PAY_PAGES = { simulator: "/pay/", stripe: "/checkout/pay/" } as const;

function selectPayableOrder(db: Db | Tx, orderId: string) {
  return db
    .select({
      orderId: orders.id,
      number: orders.number,
      userId: orders.userId,
      orderStatus: orders.status,
      totalAmount: orders.totalAmount,
      currency: orders.currency,
      reservationExpiresAt: orders.reservationExpiresAt,
      // The database's clock, the one the reservation was set by, rather than this server's.
      holdOpen: sql<boolean>`${orders.reservationExpiresAt} > now()`,
      payment: { id: payments.id, provider: payments.provider, paymentIntentId: payments.providerPaymentId, status: payments.status },
    })
    .from(orders)
    .leftJoin(payments, eq(payments.orderId, orders.id))
    .where(eq(orders.id, orderId))
    .then((rows) => rows[0]);
}

/**
 * An order and its payment, for the shopper who placed it or whoever holds its signed link; anyone else is told it
 * does not exist, as on the order page.
 */
export async function findPayableOrder(ctx: ServiceContext, input: { orderId: string; accessToken?: string }) {
  const row = await selectPayableOrder(ctx.db, input.orderId);
  const { owns } = requireOrderAccess(ctx, row, input);
  return { ...row!, guest: !owns };
}

export type PayableOrder = Awaited<ReturnType<typeof findPayableOrder>>;
type PayableRow = Pick<PayableOrder, "orderStatus" | "holdOpen" | "payment">;

/** The order still takes a payment: pending, its payment not yet tried or declined (another card may follow), and its stock still held. */
export function takesPayment(order: PayableRow): boolean {
  const status = order.payment?.status;
  return order.orderStatus === "pending" && (status === "awaiting" || status === "failed") && order.holdOpen;
}

/** Why the simulator's test cards may not pay this order, or null when they may. */
export function testCardRefusal(order: PayableRow): string | null {
  // With a real Stripe account the simulator's signed events would be trusted as Stripe's: never offer it then.
  if (order.payment?.provider !== "simulator" || stripeConfigured()) return "Test cards only pay orders taken by the payment simulator";
  if (order.orderStatus === "pending" && !order.holdOpen) return "The hold on this order's items has ended, so it can no longer be paid";
  if (!takesPayment(order)) return "This order is no longer waiting for payment";
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

export interface PayOptions {
  /** The page that takes the payment now, or null when the order takes none. A guest's carries a token that dies with the hold. */
  payPath: string | null;
  /** The decline code of the last attempt, while the payment stands declined. */
  declineReason: string | null;
  /** Still pending, but the hold on its stock has ended: it is about to be cancelled. */
  holdEnded: boolean;
}

/** How an order the caller has already been allowed to see may still be paid (the order page's "Pay now"). */
export async function payOptions(ctx: ServiceContext, input: { orderId: string; guest: boolean }): Promise<PayOptions> {
  const order = await selectPayableOrder(ctx.db, input.orderId);
  if (!order) throw notFound("Order");
  const declineReason = order.payment?.status === "failed" ? await lastPaymentFailure(ctx, order.orderId) : null;
  const holdEnded = order.orderStatus === "pending" && !order.holdOpen;
  if (!takesPayment(order) || !order.payment) return { payPath: null, declineReason, holdEnded };
  const path = `${PAY_PAGES[order.payment.provider === "stripe" ? "stripe" : "simulator"]}${order.orderId}`;
  const token = input.guest ? `?token=${encodeURIComponent(orderAccessToken(order.orderId, order.reservationExpiresAt))}` : "";
  return { payPath: `${path}${token}`, declineReason, holdEnded };
}
