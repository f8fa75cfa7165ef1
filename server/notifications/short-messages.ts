import type { PushPayload } from "./push-sender";

/** The shipping milestones sent by SMS and push to shoppers who chose those channels. */
export const SHIPPING_MILESTONES = ["shipped", "out-for-delivery", "delivered", "delivery-problem"] as const;
export type ShippingMilestone = (typeof SHIPPING_MILESTONES)[number];

export function isShippingMilestone(kind: string): kind is ShippingMilestone {
  return (SHIPPING_MILESTONES as readonly string[]).includes(kind);
}

export interface MilestoneFacts {
  shopName: string;
  orderNumber: number;
  /** Where the shopper follows the order (its page, or the carrier's tracking page). */
  url: string;
}

const LINES: Record<ShippingMilestone, { title: (f: MilestoneFacts) => string; body: (f: MilestoneFacts) => string }> = {
  shipped: { title: (f) => `Order #${f.orderNumber} shipped`, body: () => "Your parcel is on its way." },
  "out-for-delivery": { title: (f) => `Order #${f.orderNumber} out for delivery`, body: () => "Your parcel arrives today." },
  delivered: { title: (f) => `Order #${f.orderNumber} delivered`, body: () => "Your parcel has been delivered." },
  "delivery-problem": {
    title: (f) => `Order #${f.orderNumber}: delivery problem`,
    body: () => "The carrier could not deliver your parcel. See what happens next.",
  },
};

/** The SMS: one short plain-text line with the link, no markup, so it fits a message or two. */
export function smsText(kind: ShippingMilestone, facts: MilestoneFacts): string {
  const line = LINES[kind];
  return `${facts.shopName}: ${line.title(facts)}. ${line.body(facts)} ${facts.url}`;
}

/** The push notification for the same milestone. */
export function pushPayload(kind: ShippingMilestone, facts: MilestoneFacts): PushPayload {
  const line = LINES[kind];
  return { title: line.title(facts), body: line.body(facts), url: facts.url };
}

/** What the render step hands the send step for an SMS or a push, as `EmailContent` is for an email. */
export type ShortMessageContent = { channel: "sms"; text: string } | { channel: "push"; payload: PushPayload };
