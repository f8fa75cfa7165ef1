import { orderEmailFunction } from "./queue-order-email-step";

export const notifyOrderCancelled = orderEmailFunction("notify-order-cancelled", "shop/order.cancelled", "order-cancelled");
