/** A shop path that keeps the guest's signed order token, when the visitor came with one. */
export function withOrderToken(path: string, accessToken?: string): string {
  return accessToken ? `${path}?token=${encodeURIComponent(accessToken)}` : path;
}

/** Where Stripe sends the shopper back after a payment step that leaves the page (3-D Secure, bank redirects). */
export function returnUrl(origin: string, orderPath: string): string {
  return new URL(orderPath, origin).toString();
}
