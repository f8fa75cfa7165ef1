import { orderEmailFunction } from "./queue-order-email-step";

/** The admins' new-order alert, as soon as an order is placed (its page shows whether the payment went through). */
export const notifyAdminNewOrder = orderEmailFunction("notify-admin-new-order", "shop/order.placed", "admin-new-order");
