import { formatMoney } from "@/app/_components/format-money";
import type { AdminOrderView } from "@/server/orders/admin-get-order";

export interface HistoryEntry {
  key: string;
  at: Date;
  what: string;
  /** Who did it, when we know: the customer, an admin, the payment provider, the carrier. */
  by?: string;
  detail?: string;
}

const EVENT_WORDS: Record<string, string> = {
  return_requested: "Return requested",
  return_approved: "Return approved",
  return_received: "Return received",
  return_refunded: "Return refunded",
  return_rejected: "Return rejected",
  payment_failed: "Payment failed",
  payment_flagged: "Payment flagged for review",
};

const SHIPMENT_WORDS: Partial<Record<string, string>> = { in_transit: "Shipped", out_for_delivery: "Out for delivery", delivered: "Delivered", exception: "Delivery problem", returned: "Returned to sender" };

/** What happened to the order, in words, oldest first: built from its own columns, refunds, parcels and business events. */
export function orderHistory(order: AdminOrderView): HistoryEntry[] {
  const money = (amount: number) => formatMoney(amount, order.currency);
  const customer = order.customer ? (order.customer.name ?? order.customer.email) : `Guest (${order.email})`;
  const entries: HistoryEntry[] = [{ key: "placed", at: order.placedAt, what: `Order placed for ${money(order.totalAmount)}`, by: customer }];
  if (order.paidAt) entries.push({ key: "paid", at: order.paidAt, what: `Paid ${money(order.totalAmount)}`, by: customer, detail: order.payment ? `through ${order.payment.provider}` : undefined });
  if (order.cancelledAt) entries.push({ key: "cancelled", at: order.cancelledAt, what: "Cancelled", by: order.cancelledBy ?? undefined, detail: order.cancelReason ?? undefined });

  for (const event of order.events) {
    const what = EVENT_WORDS[event.type];
    if (what) entries.push({ key: `event-${event.id}`, at: event.createdAt, what, detail: event.detail ?? undefined });
  }

  const records = new Map(order.refundRecords.map((r) => [r.id, r]));
  const titles = new Map(order.lines.map((l) => [l.id, `${l.productTitle} (${l.variantTitle})`]));
  for (const refund of order.payment?.refunds ?? []) {
    const record = records.get(refund.id);
    const lines = record?.lines.map((l) => `${l.quantity} × ${titles.get(l.orderLineId) ?? "item"}${l.restock ? ", back in stock" : ""}`).join("; ");
    const state = refund.status === "succeeded" ? "Refunded" : refund.status === "pending" ? "Refund pending:" : "Refund failed:";
    const by = record ? (record.by ?? "a former admin") : refund.origin === "provider" ? "at the payment provider" : undefined;
    const detail = [lines, refund.reason, refund.failureReason, record && !record.notifyCustomer ? "customer not emailed" : undefined].filter(Boolean).join(" · ");
    entries.push({ key: `refund-${refund.id}`, at: refund.createdAt, what: `${state} ${money(refund.amount)}`, by, detail: detail || undefined });
  }

  for (const shipment of order.shipments) {
    if (shipment.status === "cancelled") continue;
    const seen = new Set<string>();
    for (const event of shipment.events) {
      const what = event.status && SHIPMENT_WORDS[event.status];
      if (!what || seen.has(what)) continue;
      seen.add(what);
      entries.push({ key: `shipment-${event.id}`, at: event.occurredAt, what, by: shipment.carrier ?? undefined, detail: shipment.trackingCode ?? undefined });
    }
  }
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}
