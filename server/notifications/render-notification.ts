import { eq, sql } from "drizzle-orm";
import { preparedPerHandle } from "@/db/prepared";
import type { RenderedEmail } from "@/emails";
import { renderEmail } from "./render-email";
import { notifications, payments, refunds } from "@/db/schema";
import type { ServiceContext } from "../context";
import { shippingMethodLabel } from "../checkout/shipping-method-label";
import { notFound } from "../errors";
import { orderPagePath } from "../orders/order-link";
import { selectOrder, selectOrderLines } from "../orders/order-queries";
import { lastPaymentFailure, payOptions } from "../payments/payable-order";
import { renderLowStock } from "../inventory/render-low-stock";
import { renderBackInStock } from "./render-back-in-stock";
import { ACCOUNT_EMAIL_KINDS, renderAccountEmail } from "../users/render-account-email";
import { renderReturnEmail } from "./render-return-email";
import { isReturnEmailKind } from "./return-email-kinds";
import { renderShippingEmail } from "./render-shipping-email";
import { renderShortMessage } from "./render-short-message";
import type { EmailContent } from "./schemas";
import { isShippingMilestone, type ShortMessageContent } from "./short-messages";
import { absoluteUrl, shopIdentity } from "./shop-identity";

const DECLINES: Record<string, string> = {
  insufficient_funds: "The card has insufficient funds.",
  expired_card: "The card has expired.",
  incorrect_cvc: "The security code was incorrect.",
  lost_card: "The card was declined.",
  stolen_card: "The card was declined.",
};

/**
 * The cancellation reason in the shopper's words. The jobs' reasons are bookkeeping ("checkout failed: …"), so they are
 * translated; any other reason is the one an admin typed for the customer, and goes out as written.
 */
function cancelReasonFor(reason: string | null): string | undefined {
  if (!reason) return undefined;
  if (reason === "payment declined") return "Your payment was declined, and the hold on your items ended before another one arrived.";
  if (/expired|not received/.test(reason)) return "We didn't receive payment before the hold on your items ended.";
  if (/^(checkout failed|could not complete|the order was closed|cancelled before its payment)/.test(reason)) return "We couldn't complete your order.";
  return reason;
}

const notificationQuery = preparedPerHandle((db) =>
  db
    .select({ kind: notifications.kind, subjectId: notifications.subjectId, recipient: notifications.recipient, status: notifications.status, channel: notifications.channel })
    .from(notifications)
    .where(eq(notifications.id, sql.placeholder("notificationId")))
    .prepare("render_notification_row"),
);

/**
 * The subject, HTML and text of a queued message (an SMS's text, a push's payload), from its kind and what it is about,
 * as it reads now; null when the message is no longer queued (sent already, or overtaken by the provider's webhook).
 */
export async function renderNotification(ctx: ServiceContext, input: { notificationId: string }): Promise<EmailContent | ShortMessageContent | null> {
  const [row] = await notificationQuery(ctx.db).execute({ notificationId: input.notificationId });
  if (!row) throw notFound("Notification");
  if (row.status !== "queued") return null;
  if (row.channel !== "email") return renderShortMessage(ctx, { ...row, channel: row.channel });
  if (row.kind === "refund-issued") return renderRefundEmail(ctx, row.subjectId);
  if (isReturnEmailKind(row.kind)) return renderReturnEmail(ctx, { kind: row.kind, returnId: row.subjectId });
  if (ACCOUNT_EMAIL_KINDS.has(row.kind)) return renderAccountEmail(ctx, row);
  if (row.kind === "back-in-stock") return renderBackInStock(ctx, row);
  if (row.kind === "admin-low-stock") return renderLowStock(ctx, row.subjectId);
  if (isShippingMilestone(row.kind)) return renderShippingEmail(ctx, { ...row, kind: row.kind });
  return renderOrderEmail(ctx, row.kind, row.subjectId);
}

async function renderRefundEmail(ctx: ServiceContext, refundId: string): Promise<RenderedEmail> {
  const [refund] = await ctx.db
    .select({ amount: refunds.amount, orderId: payments.orderId })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .where(eq(refunds.id, refundId));
  if (!refund) throw notFound("Refund");
  const found = await selectOrder(ctx.db, refund.orderId);
  if (!found) throw notFound("Order");
  const { order } = found;
  return renderEmail("refund-issued", {
    shop: shopIdentity(),
    customerName: order.shippingAddress.name,
    orderNumber: order.number,
    amount: refund.amount,
    currency: order.currency,
    full: order.refundedAmount >= order.totalAmount,
    orderUrl: absoluteUrl(orderPagePath(order.id)),
  });
}

async function renderOrderEmail(ctx: ServiceContext, kind: string, orderId: string): Promise<RenderedEmail> {
  const found = await selectOrder(ctx.db, orderId);
  if (!found) throw notFound("Order");
  const { order } = found;
  const about = { shop: shopIdentity(), customerName: order.shippingAddress.name, orderNumber: order.number };
  const base = { ...about, orderUrl: absoluteUrl(orderPagePath(order.id)) };
  const totals = { currency: order.currency, subtotalAmount: order.subtotalAmount, shippingAmount: order.shippingAmount, totalAmount: order.totalAmount };
  const shippingMethod = shippingMethodLabel(order.shippingMethod);
  switch (kind) {
    case "order-confirmation": {
      const lines = await selectOrderLines(ctx.db, order.id);
      return renderEmail(kind, { ...base, ...totals, lines, shippingAddress: order.shippingAddress, shippingMethod });
    }
    case "admin-new-order": {
      const lines = await selectOrderLines(ctx.db, order.id);
      return renderEmail(kind, {
        ...about,
        ...totals,
        customerEmail: order.email,
        placedAt: order.placedAt.toISOString(),
        lines,
        shippingAddress: order.shippingAddress,
        shippingMethod,
        adminOrderUrl: absoluteUrl(`/admin/orders/${order.id}`),
      });
    }
    case "payment-failed": {
      const [pay, decline] = await Promise.all([payOptions(ctx, { orderId: order.id, guest: true }), lastPaymentFailure(ctx, order.id)]);
      const retry = pay.payPath ? { payUrl: absoluteUrl(pay.payPath), holdEndsAt: order.reservationExpiresAt.toISOString() } : undefined;
      const reason = decline ? (DECLINES[decline] ?? "Your card was declined.") : undefined;
      return renderEmail(kind, { ...base, currency: order.currency, totalAmount: order.totalAmount, reason, retry });
    }
    case "order-cancelled": {
      const lines = await selectOrderLines(ctx.db, order.id);
      // Money was taken: a refund follows, or (read after it) has just been made.
      const refundToFollow = order.paymentStatus === "succeeded" || order.paymentStatus === "partially_refunded" || order.paymentStatus === "refunded";
      return renderEmail(kind, { ...base, ...totals, lines, reason: cancelReasonFor(order.cancelReason), refundToFollow });
    }
    default:
      throw new Error(`no email for notification kind ${kind}`);
  }
}
