import { z } from "zod";

const OrderId = z.uuid();
const Amount = z.int().positive().max(Number.MAX_SAFE_INTEGER);
const Instant = z.iso.datetime({ offset: true });

/**
 * A shipment reached a milestone: the shipment row's carrier and tracking, and the carrier's tracker event (when it
 * happened, its delivery estimate, and for an exception its message). The notifications render the shopper's messages from it.
 */
const ShipmentMilestone = z.object({
  orderId: OrderId,
  shipmentId: z.string().min(1).max(100),
  carrier: z.string().min(1).max(100),
  service: z.string().min(1).max(100).optional(),
  trackingCode: z.string().min(1).max(100),
  trackingUrl: z.url({ protocol: /^https?$/ }).max(2048),
  occurredAt: Instant,
  estimatedDeliveryDate: Instant.optional(),
  detail: z.string().min(1).max(1000).optional(),
});

const ReturnStep = z.object({ orderId: OrderId, returnId: z.uuid() });

/** Every event the shop sends, by name, with the schema of its data. Names are past tense: something that happened. */
export const shopEventSchemas = {
  "shop/order.placed": z.object({ orderId: OrderId }),
  "shop/payment.processing": z.object({ orderId: OrderId, paymentIntentId: z.string().min(1) }),
  "shop/payment.succeeded": z.object({ orderId: OrderId, paymentIntentId: z.string().min(1) }),
  "shop/payment.failed": z.object({ orderId: OrderId, paymentIntentId: z.string().min(1), reason: z.string() }),
  "shop/order.paid": z.object({ orderId: OrderId }),
  "shop/order.cancelled": z.object({ orderId: OrderId, reason: z.string() }),
  "shop/order.refunded": z.object({ orderId: OrderId, refundId: z.uuid(), amount: Amount, currency: z.string().length(3), full: z.boolean() }),
  "shop/notification.queued": z.object({ notificationId: z.uuid() }),
  "shop/variant.back-in-stock": z.object({ variantId: z.int().positive() }),
  // Something search shows of the product changed (details, prices, status, whether it is in stock): its index document is rewritten.
  "shop/product.changed": z.object({ productId: z.int().positive() }),
  // An admin asked for the search index to be rebuilt from the database.
  "shop/search.reindex-requested": z.object({ requestedBy: z.string().min(1).max(200) }),
  // The variant's availability fell to its low-stock threshold; `crossing` numbers the times it did.
  "shop/variant.low-stock": z.object({ variantId: z.int().positive(), crossing: z.int().positive() }),
  // A label was bought for the shipment (the carrier simulator then plays its tracking, when asked to).
  "shop/label.purchased": z.object({ orderId: OrderId, shipmentId: z.uuid() }),
  "shop/shipment.shipped": ShipmentMilestone,
  "shop/shipment.out-for-delivery": ShipmentMilestone,
  "shop/shipment.delivered": ShipmentMilestone,
  "shop/shipment.exception": ShipmentMilestone,
  // A return moved a step (its refund is announced by shop/order.refunded): the shopper hears of each step once.
  "shop/return.requested": ReturnStep,
  "shop/return.approved": ReturnStep,
  "shop/return.received": ReturnStep,
  "shop/return.rejected": ReturnStep,
};

export type ShopEventName = keyof typeof shopEventSchemas;
export type ShopEventData<N extends ShopEventName> = z.infer<(typeof shopEventSchemas)[N]>;

/** An event to send; `id` drops duplicates (Inngest keeps one event per id for 24 hours, the in-process runner as long). */
export type ShopEvent = {
  [N in ShopEventName]: { name: N; data: ShopEventData<N>; id?: string };
}[ShopEventName];

/** An event as a function receives it: the trigger or the result of a wait. */
export interface ReceivedEvent {
  name: string;
  data: Record<string, unknown>;
  id?: string;
  ts?: number;
}

export function isShopEventName(name: string): name is ShopEventName {
  return Object.hasOwn(shopEventSchemas, name);
}

/**
 * Validates an event before it is stored or sent; throws a ZodError naming the bad field. The id of the request that
 * wrote it (`data.requestId`, outside every schema) is kept, so the runs it starts log under that id.
 */
export function parseShopEvent(event: { name: string; data: unknown; id?: string }): ShopEvent {
  if (!isShopEventName(event.name)) throw new Error(`unknown event ${event.name}`);
  const data = shopEventSchemas[event.name].parse(event.data);
  const requestId = (event.data as { requestId?: unknown }).requestId;
  return { ...event, data: typeof requestId === "string" ? { ...data, requestId } : data } as ShopEvent;
}

export function eventData<N extends ShopEventName>(name: N, event: ReceivedEvent): ShopEventData<N> {
  return shopEventSchemas[name].parse(event.data) as ShopEventData<N>;
}
