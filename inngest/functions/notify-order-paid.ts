import { orderEmailFunction } from "./queue-order-email-step";

/** The order is paid: the shopper's confirmation. */
export const notifyOrderPaid = orderEmailFunction("notify-order-paid", "shop/order.paid", "order-confirmation");
