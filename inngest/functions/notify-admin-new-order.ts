import { orderEmailFunction } from "./queue-order-email-step";

/** The admins' new-order alert, once the order is paid: an order still waiting for its card may never become one. */
export const notifyAdminNewOrder = orderEmailFunction("notify-admin-new-order", "shop/order.paid", "admin-new-order");
