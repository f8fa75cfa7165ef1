import { createHash } from "node:crypto";

/**
 * The id of the refund a paid order's cancellation makes (order_refunds.id, refunds.id and the provider's idempotency
 * key): derived from the order, so cancelling twice, or two admins at once, ask for one refund. A UUID (version 5 layout).
 */
export function cancellationRefundId(orderId: string): string {
  const h = createHash("sha256").update(`order-cancellation:${orderId}`).digest("hex");
  const variant = ((parseInt(h[16]!, 16) & 3) | 8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
