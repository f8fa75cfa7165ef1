import { eq, sql } from "drizzle-orm";
import { preparedPerHandle } from "@/db/prepared";
import { orderRefunds, orders, users } from "@/db/schema";
import { cancellationRefundId } from "../orders/cancellation-refund-id";
import { orderColumns } from "../orders/order-queries";
import type { ServiceContext } from "../context";
import { env } from "../env";
import { notFound } from "../errors";
import { queueNotifications, type QueuedNotification } from "./queue-notifications";
import type { OrderEmailKind } from "./schemas";

/** ADMIN_ALERT_EMAIL when set, else every admin user. */
export async function adminRecipients(ctx: ServiceContext): Promise<string[]> {
  const configured = env().ADMIN_ALERT_EMAIL;
  if (configured) return [configured];
  const admins = await ctx.db.select({ email: users.email }).from(users).where(eq(users.role, "admin"));
  return admins.map((a) => a.email);
}

const orderQuery = preparedPerHandle((db) =>
  db
    .select({ email: orders.email, status: orders.status, paymentStatus: orderColumns.paymentStatus })
    .from(orders)
    .where(eq(orders.id, sql.placeholder("orderId")))
    .prepare("order_email_recipient"),
);

/**
 * The consumer's side of an order event: the email it calls for, to the order's address (or the admins for a new-order
 * alert), queued or skipped in the ledger. `subjectId` is the order unless the message is about a part of it (a refund).
 */
export async function queueOrderEmail(ctx: ServiceContext, input: { kind: OrderEmailKind; orderId: string; subjectId?: string }): Promise<QueuedNotification[]> {
  const [order] = await orderQuery(ctx.db).execute({ orderId: input.orderId });
  if (!order) throw notFound("Order");
  const recipients = input.kind === "admin-new-order" ? await adminRecipients(ctx) : [order.email];
  // Another card may have paid (or the hold ended) before this decline was read: then the email would ask for nothing.
  const outdated = input.kind === "payment-failed" && (order.status !== "pending" || order.paymentStatus !== "failed");
  const unwanted = input.kind === "refund-issued" && input.subjectId !== undefined && !(await refundNotifiesCustomer(ctx, input.subjectId));
  // A paid order's cancellation keeps the admin's choice on the refund it makes.
  const unwantedCancel = input.kind === "order-cancelled" && !(await refundNotifiesCustomer(ctx, cancellationRefundId(input.orderId)));
  const skipReason = outdated
    ? "outdated"
    : unwanted
      ? "the shop chose not to tell the customer about this refund"
      : unwantedCancel
        ? "the shop chose not to tell the customer about this cancellation"
        : undefined;
  return queueNotifications(ctx, { kind: input.kind, subjectId: input.subjectId ?? input.orderId, recipients, skipReason });
}

/** A refund made on the admin order page says whether to email the customer; any other refund (a return's, the provider's) does. */
async function refundNotifiesCustomer(ctx: ServiceContext, refundId: string): Promise<boolean> {
  const [row] = await ctx.db.select({ notify: orderRefunds.notifyCustomer }).from(orderRefunds).where(eq(orderRefunds.id, refundId));
  return row?.notify ?? true;
}
