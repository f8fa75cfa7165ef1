import type { NotificationCategory, NotificationChannel } from "./preference-schemas";

/**
 * The category each shopper-facing kind belongs to. Kinds missing here are never subject to preferences: account mail
 * (welcome, email verification, password reset: answers to something the reader just did) and the admins' alerts.
 */
const CATEGORY_OF_KIND: Record<string, NotificationCategory> = {
  "order-confirmation": "order-updates",
  "payment-failed": "order-updates",
  "order-cancelled": "order-updates",
  "refund-issued": "order-updates",
  "return-requested": "order-updates",
  "return-approved": "order-updates",
  "return-received": "order-updates",
  "return-rejected": "order-updates",
  shipped: "shipping-updates",
  "out-for-delivery": "shipping-updates",
  delivered: "shipping-updates",
  "delivery-problem": "shipping-updates",
  "back-in-stock": "back-in-stock",
  marketing: "marketing",
};

export function categoryOf(kind: string): NotificationCategory | null {
  return CATEGORY_OF_KIND[kind] ?? null;
}

/** Order updates by email are the receipt of a purchase: they cannot be switched off. */
export function isLocked(category: NotificationCategory, channel: NotificationChannel): boolean {
  return category === "order-updates" && channel === "email";
}

/** Without a choice of the shopper's: what they asked for by buying is on, anything promotional is opt-in. */
export function enabledByDefault(category: NotificationCategory): boolean {
  return category === "order-updates" || category === "shipping-updates";
}

/** An email of this kind carries an unsubscribe link and the List-Unsubscribe headers. */
export function isUnsubscribable(kind: string): boolean {
  const category = categoryOf(kind);
  return category !== null && !isLocked(category, "email");
}

export const CATEGORY_LABELS: Record<NotificationCategory, string> = {
  "order-updates": "Order updates",
  "shipping-updates": "Shipping updates",
  marketing: "News and offers",
  "back-in-stock": "Back in stock alerts",
};
