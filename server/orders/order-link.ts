import { signValue, verifySignedValue } from "../signing";

const PURPOSE = "order";

/** The bearer token of a guest's order link: whoever holds it may read that order, and only that one. */
export function orderAccessToken(orderId: string): string {
  return signValue(PURPOSE, orderId);
}

/** The order page, reachable without signing in (the confirmation page after payment). */
export function orderPagePath(orderId: string): string {
  return `/orders/${orderId}?token=${encodeURIComponent(orderAccessToken(orderId))}`;
}

export function tokenOpensOrder(token: string | undefined, orderId: string): boolean {
  return verifySignedValue(PURPOSE, token) === orderId;
}
