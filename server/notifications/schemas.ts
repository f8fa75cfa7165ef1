import { z } from "zod";
import { notificationStatus } from "@/db/schema";
import { INT4_MAX } from "../limits";
import { RETURN_EMAIL_KINDS } from "./return-email-kinds";

export const NotificationStatus = z.enum(notificationStatus.enumValues);
export type NotificationStatus = z.infer<typeof NotificationStatus>;

/** The emails an order's events send, by template name. */
export const OrderEmailKind = z.enum(["admin-new-order", "order-confirmation", "payment-failed", "order-cancelled", "refund-issued", ...RETURN_EMAIL_KINDS]);
export type OrderEmailKind = z.infer<typeof OrderEmailKind>;

/** What a rendered email carries; the send step receives it from the render step, so a retry sends the same bytes. */
export type EmailContent = {
  subject: string;
  html: string;
  text: string;
};

export const NotificationIdInput = z.strictObject({ notificationId: z.uuid() });
export type NotificationIdInput = z.infer<typeof NotificationIdInput>;

export const ListMailboxInput = z.strictObject({
  page: z.int().min(1).max(10_000).default(1),
  pageSize: z.int().min(1).max(100).default(50),
});
export type ListMailboxInput = z.infer<typeof ListMailboxInput>;

export const LiftSuppressionInput = z.strictObject({ address: z.email() });
export type LiftSuppressionInput = z.infer<typeof LiftSuppressionInput>;

/** "Email me when it's back": a signed-in shopper is known by the account, a guest gives an address. */
export const SubscribeStockAlertInput = z.strictObject({
  variantId: z.int().min(1).max(INT4_MAX),
  email: z.email().max(254).optional(),
});
export type SubscribeStockAlertInput = z.infer<typeof SubscribeStockAlertInput>;
