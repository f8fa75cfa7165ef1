import { z } from "zod";
import type { ShippingAddress } from "@/db/schema";
import { MAX_CHARGE_AMOUNT } from "../limits";
import type { OrderMessage } from "../notifications/list-order-messages";
import type { FulfilmentStatus } from "../shipping/fulfilment-status";
import type { ShipmentView } from "../shipping/shipment-queries";

export const OrderStatus = z.enum(["pending", "paid", "cancelled", "refunded"]);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const PaymentStatus = z.enum(["awaiting", "processing", "succeeded", "failed", "cancelled", "refunded", "partially_refunded"]);
export type PaymentStatus = z.infer<typeof PaymentStatus>;

const page = z.int().min(1).max(10_000).default(1);

/** A shopper's own order, or a guest's through the signed link (`?token=`). */
export const GetOrderInput = z
  .object({
    orderId: z.uuid(),
    accessToken: z.string().max(200).optional(),
  })
  .strict();
export type GetOrderInput = z.infer<typeof GetOrderInput>;

export const ListMyOrdersInput = z
  .object({
    page,
    pageSize: z.int().min(1).max(50).default(20),
  })
  .strict();
export type ListMyOrdersInput = z.infer<typeof ListMyOrdersInput>;

export const AdminListOrdersInput = z
  .object({
    status: OrderStatus.optional(),
    /** An order number (with or without "#") or part of the buyer's email. */
    q: z.string().trim().max(200).optional(),
    page,
    pageSize: z.int().min(1).max(100).default(25),
  })
  .strict();
export type AdminListOrdersInput = z.infer<typeof AdminListOrdersInput>;

export const AdminOrderIdInput = z.object({ orderId: z.uuid() }).strict();
export type AdminOrderIdInput = z.infer<typeof AdminOrderIdInput>;

export const AdminCancelOrderInput = z
  .object({
    orderId: z.uuid(),
    reason: z.string().trim().min(1, { error: "Give a reason" }).max(200, { error: "Use at most 200 characters" }).optional(),
  })
  .strict();
export type AdminCancelOrderInput = z.infer<typeof AdminCancelOrderInput>;

export const AdminRefundOrderInput = z
  .object({
    orderId: z.uuid(),
    /** Minor units; omitted = everything not refunded yet. */
    amount: z.int({ error: "Enter a whole amount in minor units" }).positive({ error: "Enter an amount above zero" }).max(MAX_CHARGE_AMOUNT).optional(),
    /**
     * The refunded amount the form showed (refunds still pending included): if it has moved on, this is a double submit
     * and nothing more is refunded; a resubmit after an error resumes the pending refund instead of asking for another.
     */
    expectedRefundedAmount: z.int().min(0).max(MAX_CHARGE_AMOUNT),
    reason: z.string().trim().max(200, { error: "Use at most 200 characters" }).optional(),
  })
  .strict();
export type AdminRefundOrderInput = z.infer<typeof AdminRefundOrderInput>;

export interface OrderLineView {
  variantId: number;
  sku: string;
  productTitle: string;
  variantTitle: string;
  /** Null while the product is not on sale; the line keeps its own snapshot. */
  productSlug: string | null;
  unitAmount: number;
  quantity: number;
  lineAmount: number;
}

export interface OrderEventView {
  id: number;
  type: string;
  detail: string | null;
  createdAt: Date;
}

export interface OrderSummary {
  id: string;
  number: number;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  fulfilmentStatus: FulfilmentStatus | null;
  totalAmount: number;
  currency: string;
  placedAt: Date;
  itemCount: number;
}

export interface OrderView extends OrderSummary {
  email: string;
  subtotalAmount: number;
  shippingAmount: number;
  refundedAmount: number;
  shippingAddress: ShippingAddress;
  shippingMethod: string;
  reservationExpiresAt: Date;
  paidAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  lines: OrderLineView[];
  /** Oldest first. */
  timeline: OrderEventView[];
}

/** The order page's view: the order, and how its shopper may still pay it. */
export interface ShopperOrderView extends OrderView {
  /** "Pay now": the pay page while the order takes a payment (a guest's link carries a token that ends with the hold), else null. */
  payPath: string | null;
  /** The decline code of the last card tried, while the payment stands declined. */
  declineReason: string | null;
  /** Still pending, but the hold on its items has ended: the order is about to be cancelled. */
  holdEnded: boolean;
  /** The messages sent to the shopper about this order, oldest first. */
  messages: OrderMessage[];
  /** Its parcels (not the cancelled ones), oldest first, with carrier, tracking, timeline and expected date. */
  shipments: Omit<ShipmentView, "parentId" | "warehouse" | "weightGrams" | "hasLabel">[];
}
