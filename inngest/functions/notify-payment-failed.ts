import { orderEmailFunction } from "./queue-order-email-step";

/** A card was declined: one email per order, with the pay link while the hold lasts, however many cards are tried. */
export const notifyPaymentFailed = orderEmailFunction("notify-payment-failed", "shop/payment.failed", "payment-failed");
