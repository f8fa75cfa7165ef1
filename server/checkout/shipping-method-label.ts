import { NO_SHIPPING } from "./no-shipping";

/** How an order's shipping_method reads to people: "Ground shipping", "Standard shipping" (orders before carrier rates), "No shipping". */
export function shippingMethodLabel(id: string): string {
  if (id === NO_SHIPPING) return "No shipping (nothing to post)";
  return `${id.charAt(0).toUpperCase()}${id.slice(1)} shipping`;
}
