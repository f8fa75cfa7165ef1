import type { ServiceContext } from "../context";
import { adminRecipients } from "../notifications/queue-order-email";
import { queueNotifications, type QueuedNotification } from "../notifications/queue-notifications";

/** The consumer's side of shop/variant.low-stock: the admins' email, once per crossing (the ledger's subject names it). */
export async function queueLowStockAlert(ctx: ServiceContext, input: { variantId: number; crossing: number }): Promise<QueuedNotification[]> {
  const recipients = await adminRecipients(ctx);
  return queueNotifications(ctx, { kind: "admin-low-stock", subjectId: `${input.variantId}:${input.crossing}`, recipients });
}
