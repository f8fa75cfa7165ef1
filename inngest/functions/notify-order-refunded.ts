import { eventData } from "@/server/events/schemas";
import { orderEmailFunction } from "./queue-order-email-step";

/** One email per refund: a second partial refund of the same order is news too. */
export const notifyOrderRefunded = orderEmailFunction("notify-order-refunded", "shop/order.refunded", "refund-issued", (event) => eventData("shop/order.refunded", event).refundId);
