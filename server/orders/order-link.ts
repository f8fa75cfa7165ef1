import { signLink, verifyLink } from "../signing";

const PURPOSE = "order";
const ORDER_LINK_DAYS = 90;

/**
 * The bearer token of a guest's order link: whoever holds it may read that order, and only that one, until it expires
 * (90 days by default; a pay link passes the order's reservation expiry).
 */
export function orderAccessToken(orderId: string, expiresAt = new Date(Date.now() + ORDER_LINK_DAYS * 24 * 60 * 60 * 1000)): string {
  return signLink(PURPOSE, orderId, expiresAt);
}

/** The order page, reachable without signing in for 90 days (the confirmation page after payment). */
export function orderPagePath(orderId: string): string {
  return `/orders/${orderId}?token=${encodeURIComponent(orderAccessToken(orderId))}`;
}

export function tokenOpensOrder(token: string | undefined, orderId: string): boolean {
  return verifyLink(PURPOSE, token) === orderId;
}
