import { eq } from "drizzle-orm";
import { orders, pushSubscriptions, shippingNotices } from "@/db/schema";
import { withTransaction, type ServiceContext } from "../context";
import type { ShopEventData } from "../events/schemas";
import { toE164 } from "../checkout/phone-number";
import { notFound } from "../errors";
import { queueNotifications, type QueuedNotification } from "./queue-notifications";
import type { ShippingMilestone } from "./short-messages";

export type ShipmentMilestoneData = ShopEventData<"shop/shipment.shipped">;

/**
 * The consumer's side of a shipment milestone: keeps what the event said (the messages are rendered from it), then
 * queues, or records skipped, the milestone's email to the order's address, an SMS to the phone on its shipping address
 * and a push to its shopper when they have a subscribed browser. SMS and push are for account holders, whose choices
 * decide each channel; a guest gets the email. The ledger key (kind, shipment, recipient, channel) keeps each message
 * to one, so a redelivered event queues nothing new.
 */
export async function queueShippingMilestone(ctx: ServiceContext, input: { kind: ShippingMilestone; event: ShipmentMilestoneData }): Promise<QueuedNotification[]> {
  const { kind, event } = input;
  return withTransaction(ctx, async (tx) => {
    const [order] = await tx.db.select({ email: orders.email, userId: orders.userId, address: orders.shippingAddress }).from(orders).where(eq(orders.id, event.orderId));
    if (!order) throw notFound("Order");
    await tx.db
      .insert(shippingNotices)
      .values({
        shipmentId: event.shipmentId,
        kind,
        orderId: event.orderId,
        carrier: event.carrier,
        service: event.service,
        trackingCode: event.trackingCode,
        trackingUrl: event.trackingUrl,
        occurredAt: new Date(event.occurredAt),
        estimatedDeliveryAt: event.estimatedDeliveryDate ? new Date(event.estimatedDeliveryDate) : null,
        detail: event.detail,
      })
      .onConflictDoNothing();
    const message = { kind, subjectId: event.shipmentId, userId: order.userId };
    const queued = await queueNotifications(tx, { ...message, recipients: [order.email] });
    if (!order.userId) return queued;
    // Orders placed before numbers were kept in E.164 hold them as typed.
    const phone = order.address.phone && toE164(order.address.phone, order.address.country);
    if (phone) queued.push(...(await queueNotifications(tx, { ...message, channel: "sms", recipients: [phone] })));
    const [browser] = await tx.db.select({ id: pushSubscriptions.id }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, order.userId)).limit(1);
    if (browser) queued.push(...(await queueNotifications(tx, { ...message, channel: "push", recipients: [order.userId] })));
    return queued;
  });
}
