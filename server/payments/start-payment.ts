import { eq } from "drizzle-orm";
import { orders, payments } from "@/db/schema";
import type { ServiceContext } from "../context";
import { conflict, notFound } from "../errors";
import { orderAccessToken } from "../orders/order-link";
import { PAY_PAGES } from "./payable-order";
import { paymentIdempotencyKey, type PaymentProvider } from "./payment-provider";
import { paymentProviderFor } from "./payment-provider-for";

export interface PaymentSession {
  provider: PaymentProvider["name"];
  paymentIntentId: string;
  clientSecret: string | null;
  /** Where the shopper pays: the simulator's test-card page, or the Stripe Elements page. Guests' links carry an order token that expires with the reservation. */
  payUrl: string;
}

const sessionColumns = { provider: payments.provider, providerPaymentId: payments.providerPaymentId, clientSecret: payments.clientSecret };

/**
 * Opens the order's payment: one PaymentIntent for the amount the server computed, created with an idempotency key
 * derived from the order, so retries and concurrent calls reach the same intent and the same payments row.
 * If the provider fails, nothing is written and the error propagates (the saga or the sweeper cancels the order at expiry).
 */
export async function startPayment(ctx: ServiceContext, input: { orderId: string }): Promise<PaymentSession> {
  const { orderId } = input;
  const [order] = await ctx.db
    .select({
      totalAmount: orders.totalAmount,
      currency: orders.currency,
      status: orders.status,
      userId: orders.userId,
      expiresAt: orders.reservationExpiresAt,
      payment: sessionColumns,
    })
    .from(orders)
    .leftJoin(payments, eq(payments.orderId, orders.id))
    .where(eq(orders.id, orderId));
  if (!order) throw notFound("Order");
  // A guest's pay link lives as long as the order's stock reservation, after which the order can no longer be paid.
  const payUrl = (base: string) => `${base}${orderId}${order.userId ? "" : `?token=${encodeURIComponent(orderAccessToken(orderId, order.expiresAt))}`}`;

  if (order.payment) return toSession(order.payment, payUrl);
  if (order.status !== "pending") throw conflict(`This order is ${order.status}: it takes no payment`);

  const provider = paymentProviderFor(ctx);
  const intent = await provider.createPaymentIntent({
    amount: order.totalAmount,
    currency: order.currency,
    orderId,
    idempotencyKey: paymentIdempotencyKey(orderId),
  });
  // No target: a concurrent call inserting the same intent may trip either unique key first; it then reads the winner's row.
  const [inserted] = await ctx.db
    .insert(payments)
    .values({ orderId, provider: provider.name, providerPaymentId: intent.id, clientSecret: intent.clientSecret, amount: order.totalAmount, currency: order.currency })
    .onConflictDoNothing()
    .returning(sessionColumns);
  const row = inserted ?? (await ctx.db.select(sessionColumns).from(payments).where(eq(payments.orderId, orderId)))[0];
  if (!row) throw new Error(`payments row for order ${orderId} vanished`);
  return toSession(row, payUrl);
}

function toSession(row: { provider: string; providerPaymentId: string; clientSecret: string | null }, payUrl: (path: string) => string): PaymentSession {
  const provider = row.provider === "stripe" ? "stripe" : "simulator";
  return { provider, paymentIntentId: row.providerPaymentId, clientSecret: row.clientSecret, payUrl: payUrl(PAY_PAGES[provider]) };
}
